namespace Monitoring.Grains.Incidents;

/// <summary>A change the ladder made, for the audit log ("incident.opened", "step.acked", ...).</summary>
public sealed record IncidentEvent(string Action, string Actor, DateTimeOffset At, string? Detail = null);
