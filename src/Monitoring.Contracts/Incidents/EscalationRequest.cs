namespace Monitoring.Contracts.Incidents;

/// <summary>An incident asks its track's sector to raise an escalation alert (through the sector's gap-free seq).</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.EscalationRequest")]
public sealed record EscalationRequest
{
    [Id(0)] public required string IncidentId { get; init; }
    [Id(1)] public required string StepId { get; init; }
    [Id(2)] public required string TrackId { get; init; }
    /// <summary>The deadline that passed; becomes the alert's decidedAt.</summary>
    [Id(3)] public required DateTimeOffset At { get; init; }
    [Id(4)] public required string Note { get; init; }
}
