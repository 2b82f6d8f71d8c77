namespace Monitoring.Contracts.Incidents;

/// <summary>An entry of the incident index: enough to filter the list endpoint without waking every incident.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentSummary")]
public sealed record IncidentSummary
{
    [Id(0)] public required string IncidentId { get; init; }
    [Id(1)] public required string SectorId { get; init; }
    [Id(2)] public required bool Open { get; init; }
    [Id(3)] public required DateTimeOffset OpenedAt { get; init; }
}
