namespace Monitoring.Contracts.Sectors;

/// <summary>
/// A neighbour's answer to <see cref="ISectorGrain.HandOver"/>: the tracks it gave up, and those it keeps
/// because it holds a later report of them than the asker has (a track belongs to the sector of its latest report).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.TrackHandOver")]
public sealed record TrackHandOver
{
    public static readonly TrackHandOver None = new();

    [Id(0)] public TrackState[] Given { get; init; } = [];
    [Id(1)] public string[] Kept { get; init; } = [];
}
