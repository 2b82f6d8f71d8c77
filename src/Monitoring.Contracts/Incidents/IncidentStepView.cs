namespace Monitoring.Contracts.Incidents;

/// <summary>One protocol step as api.md shows it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentStepView")]
public sealed record IncidentStepView
{
    [Id(0)] public required string StepId { get; init; }
    /// <summary>pending|due|acked|overdue|skipped (<see cref="StepStates"/>).</summary>
    [Id(1)] public required string State { get; init; }
    [Id(2)] public DateTimeOffset? DueAt { get; init; }
    [Id(3)] public DateTimeOffset? DeadlineAt { get; init; }
    [Id(4)] public string? AckedBy { get; init; }
    [Id(5)] public DateTimeOffset? AckedAt { get; init; }
    [Id(6)] public string? Note { get; init; }
}
