namespace Monitoring.Host.Drills;

using Monitoring.Contracts.Incidents;

/// <summary>One incident of a drill in its after-action report.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.AfterActionIncident")]
public sealed record AfterActionIncident
{
    [Id(0)] public required string IncidentId { get; init; }

    [Id(1)] public required string SectorId { get; init; }

    [Id(2)] public required string TrackId { get; init; }

    [Id(3)] public required string State { get; init; }

    [Id(4)] public required DateTimeOffset OpenedAt { get; init; }

    [Id(5)] public DateTimeOffset? ClosedAt { get; init; }

    [Id(6)] public required IReadOnlyList<AfterActionStep> Steps { get; init; }

    [Id(7)] public required IReadOnlyList<IncidentEscalation> Escalations { get; init; }
}
