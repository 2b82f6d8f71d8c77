namespace Monitoring.Contracts.Incidents;

/// <summary>
/// One sector's share of a namespace's incident index (key <see cref="IncidentKeys.SectorIndexKey"/>). The
/// namespace index (<see cref="IIncidentIndexGrain"/>) forwards upserts to it and fans lists out over it, so a
/// write stores one sector's hot list instead of the whole namespace's.
/// </summary>
[Alias("monitoring.ISectorIncidentIndexGrain")]
public interface ISectorIncidentIndexGrain : IGrainWithStringKey
{
    /// <summary>Completes once a write holding these entries is stored.</summary>
    [Alias("Upsert")]
    Task Upsert(IncidentSummary[] summaries);

    /// <summary>Unordered; open: null for all, true/false to filter.</summary>
    [Alias("List")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentSummary[]> List(bool? open);
}
