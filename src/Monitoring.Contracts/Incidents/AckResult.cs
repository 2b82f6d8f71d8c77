namespace Monitoring.Contracts.Incidents;

/// <summary>The answer to an acknowledgement: the outcome, why (when refused), and the incident after it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.AckResult")]
public sealed record AckResult(
    [property: Id(0)] AckOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] IncidentView? Incident);
