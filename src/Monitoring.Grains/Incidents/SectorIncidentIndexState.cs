namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

[GenerateSerializer]
[Alias("monitoring.incidents.SectorIncidentIndexState")]
public sealed class SectorIncidentIndexState
{
    /// <summary>The hot list: every open incident of the sector and its most recent closed ones.</summary>
    [Id(0)] public Dictionary<string, IncidentSummary> Incidents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Archive chunks 0 .. ArchivedChunks − 1 hold the sector's older closed incidents (<see cref="IncidentArchiveGrain"/>).</summary>
    [Id(1)] public int ArchivedChunks { get; set; }
}
