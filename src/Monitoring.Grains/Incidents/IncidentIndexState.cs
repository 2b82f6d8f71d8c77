namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

[GenerateSerializer]
[Alias("monitoring.incidents.IncidentIndexState")]
public sealed class IncidentIndexState
{
    /// <summary>The hot list: every open incident and the most recent closed ones.</summary>
    [Id(0)] public Dictionary<string, IncidentSummary> Incidents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Archive chunks 0 .. ArchivedChunks − 1 hold the older closed incidents (<see cref="IncidentArchiveGrain"/>).</summary>
    [Id(1)] public int ArchivedChunks { get; set; }
}
