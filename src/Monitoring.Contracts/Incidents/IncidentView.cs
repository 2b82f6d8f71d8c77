namespace Monitoring.Contracts.Incidents;

/// <summary>An incident as api.md shows it (GET /api/incidents/{id}, the hub's "incident" push).</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentView")]
public sealed record IncidentView
{
    [Id(0)] public required string IncidentId { get; init; }
    /// <summary>The sector the track is in now (the incident moves with it on hand-over).</summary>
    [Id(1)] public required string SectorId { get; init; }
    [Id(2)] public required string TrackId { get; init; }
    /// <summary>open|closed (<see cref="IncidentStates"/>).</summary>
    [Id(3)] public required string State { get; init; }
    [Id(4)] public required DateTimeOffset OpenedAt { get; init; }
    [Id(5)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(6)] public required IReadOnlyList<IncidentVerdict> Verdicts { get; init; }
    [Id(7)] public required IReadOnlyList<IncidentStepView> Steps { get; init; }
    [Id(8)] public required IReadOnlyList<IncidentEscalation> Escalations { get; init; }
    [Id(9)] public string? DrillId { get; init; }
    /// <summary>What opened it: "crossed", or "ambiguous" (ambiguous for longer than the threshold).</summary>
    [Id(10)] public string? OpenedOn { get; init; }
    [Id(11)] public string? CloseReason { get; init; }
}
