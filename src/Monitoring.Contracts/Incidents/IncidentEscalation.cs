namespace Monitoring.Contracts.Incidents;

/// <summary>A step that passed its deadline unacknowledged, and the alert that told the duty officers.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentEscalation")]
public sealed record IncidentEscalation
{
    [Id(0)] public required string StepId { get; init; }
    /// <summary>The deadline that passed: the moment the step became overdue.</summary>
    [Id(1)] public required DateTimeOffset At { get; init; }
    [Id(2)] public required string SectorId { get; init; }
    [Id(3)] public string? AlertId { get; init; }
    [Id(4)] public long Seq { get; init; }
}
