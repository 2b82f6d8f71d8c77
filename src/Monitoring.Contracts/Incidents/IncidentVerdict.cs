namespace Monitoring.Contracts.Incidents;

/// <summary>A verdict change of the incident's track while the incident was open.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentVerdict")]
public sealed record IncidentVerdict
{
    /// <summary>clear|approaching|ambiguous|crossed.</summary>
    [Id(0)] public required string Verdict { get; init; }
    [Id(1)] public required DateTimeOffset ObservedAt { get; init; }
    [Id(2)] public double DepthM { get; init; }
    [Id(3)] public required string SectorId { get; init; }
    [Id(4)] public long MdlVersion { get; init; }
}
