namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

[GenerateSerializer]
[Alias("monitoring.incidents.IncidentIndexState")]
public sealed class IncidentIndexState
{
    /// <summary>
    /// Before the index was split by sector, the whole hot list lived here. An index stored that way is moved
    /// into its sectors' indexes when it activates, and this is left empty.
    /// </summary>
    [Id(0)] public Dictionary<string, IncidentSummary> Incidents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The archive chunks of that older layout (moved into the sectors' indexes with the hot list).</summary>
    [Id(1)] public int ArchivedChunks { get; set; }

    /// <summary>The sectors that have an index of their own (<see cref="SectorIncidentIndexGrain"/>).</summary>
    [Id(2)] public HashSet<string> Sectors { get; set; } = new(StringComparer.Ordinal);
}
