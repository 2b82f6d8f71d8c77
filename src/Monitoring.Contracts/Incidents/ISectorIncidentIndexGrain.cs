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

    /// <summary>
    /// Drops an open incident that has moved to another sector with its track (it is upserted there first).
    /// Completes once a write without it is stored.
    /// </summary>
    [Alias("Remove")]
    Task Remove(string incidentId);

    /// <summary>Unordered; open: null for all, true/false to filter.</summary>
    [Alias("List")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentSummary[]> List(bool? open);

    /// <summary>
    /// At most limit entries after the cursor (compared by OpenedAt, then id; any entry with its key will do), in
    /// that order; open: null for all, true/false to filter.
    /// </summary>
    [Alias("Page")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentSummary[]> Page(bool? open, IncidentSummary? after, int limit, bool newestFirst);

    /// <summary>The entry of that incident (hot list or archive), or null when this sector has none.</summary>
    [Alias("Find")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentSummary?> Find(string incidentId);
}
