namespace Monitoring.Contracts.Incidents;

using Monitoring.Contracts.Reports;

/// <summary>
/// What the sector grain tells an incident about its track: the opening, each verdict change and each
/// hand-over. Each signal carries everything needed to open the incident, so a lost one-way message
/// is repaired by the next one.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentSignal")]
public sealed record IncidentSignal
{
    [Id(0)] public required string IncidentId { get; init; }
    [Id(1)] public required string SectorId { get; init; }
    [Id(2)] public required string TrackId { get; init; }
    [Id(3)] public required ObjectClass Class { get; init; }
    /// <summary>The track's verdict now (wire name).</summary>
    [Id(4)] public required string Verdict { get; init; }
    [Id(5)] public required DateTimeOffset ObservedAt { get; init; }
    [Id(6)] public double DepthM { get; init; }
    [Id(7)] public long MdlVersion { get; init; }
    /// <summary>Set on the signal that opens the incident: "crossed" or "ambiguous".</summary>
    [Id(8)] public string? Opens { get; init; }
    [Id(9)] public string? DrillId { get; init; }
}
