namespace Monitoring.Contracts.Incidents;

/// <summary>Wire names of a protocol step's state (api.md "Incidents").</summary>
public static class StepStates
{
    /// <summary>Not due yet (its condition has not happened).</summary>
    public const string Pending = "pending";
    public const string Due = "due";
    public const string Acked = "acked";
    /// <summary>Past its deadline and escalated; still open and still ackable.</summary>
    public const string Overdue = "overdue";
    /// <summary>Its condition can no longer happen (or the incident closed without it).</summary>
    public const string Skipped = "skipped";
}
