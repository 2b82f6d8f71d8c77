namespace Monitoring.Contracts.Incidents;

/// <summary>Wire names of an incident's state (api.md "Incidents").</summary>
public static class IncidentStates
{
    public const string Open = "open";
    public const string Closed = "closed";
}
