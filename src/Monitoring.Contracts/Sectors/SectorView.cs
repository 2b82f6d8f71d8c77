namespace Monitoring.Contracts.Sectors;

/// <summary>A sector's live picture: its tracks and the last alert seq.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.SectorView")]
public sealed record SectorView
{
    [Id(0)] public required string SectorId { get; init; }
    [Id(1)] public required long LastSeq { get; init; }
    [Id(2)] public required long MdlVersion { get; init; }
    [Id(3)] public required IReadOnlyList<TrackState> Tracks { get; init; }
    [Id(4)] public IReadOnlyList<string> OpenIncidents { get; init; } = [];
    [Id(5)] public string? DrillId { get; init; }
}
