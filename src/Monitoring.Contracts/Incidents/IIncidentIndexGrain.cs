namespace Monitoring.Contracts.Incidents;

using Monitoring.Contracts.Identity;

/// <summary>
/// Every incident of one namespace (key "live" or the drill id, see <see cref="IncidentKeys.IndexKey"/>),
/// so GET /api/incidents can list them. Incidents write to it; it never calls back. It keeps only the set of
/// sectors that have incidents: each sector's entries live in that sector's <see cref="ISectorIncidentIndexGrain"/>.
/// </summary>
[Alias("monitoring.IIncidentIndexGrain")]
public interface IIncidentIndexGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(IncidentSummary summary);

    /// <summary>
    /// An open incident whose track moved into another sector (domain.md "Tracks"): listed under its new sector,
    /// then no longer under the old one, so it is never missing from the list, and is not listed twice once this
    /// completes.
    /// </summary>
    [Alias("Moved")]
    Task Moved(IncidentSummary summary, string fromSectorId);

    /// <summary>Oldest first; open: null for all, true/false to filter; sectorId: null for all.</summary>
    [Alias("List")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentSummary[]> List(bool? open, string? sectorId);

    /// <summary>
    /// One page of the list, of the sectors the reader covers only. The coverage is applied before the page is
    /// cut, so a page is full unless it is the last, and only the page crosses the wire.
    /// </summary>
    [Alias("Page")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentPage> Page(IncidentPageQuery query, Actor reader);
}
