namespace Monitoring.Contracts.Sectors;

using Monitoring.Contracts.Reports;

/// <summary>A track's latest state: where it is and the verdict it stands at.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.TrackState")]
public sealed record TrackState
{
    [Id(0)] public required string TrackId { get; init; }
    [Id(1)] public required string SectorId { get; init; }
    [Id(2)] public required ObjectClass Class { get; init; }
    [Id(3)] public required double Lon { get; init; }
    [Id(4)] public required double Lat { get; init; }
    [Id(5)] public required DateTimeOffset ObservedAt { get; init; }
    /// <summary>Wire name of the verdict: clear|approaching|ambiguous|crossed.</summary>
    [Id(6)] public required string Verdict { get; init; }
    [Id(7)] public double DepthM { get; init; }
    [Id(8)] public string? IncidentId { get; init; }
    [Id(9)] public required string SensorId { get; init; }
    [Id(10)] public int Count { get; init; } = 1;
    [Id(11)] public string? LastReportId { get; init; }
    [Id(12)] public long MdlVersion { get; init; }
    /// <summary>observedAt of the first report of the current ambiguous run (incidents open when it lasts).</summary>
    [Id(13)] public DateTimeOffset? AmbiguousSince { get; init; }
}
