namespace Monitoring.Contracts.Incidents;

/// <summary>
/// One sealed chunk of a sector's closed incidents, moved out of its <see cref="ISectorIncidentIndexGrain"/>'s
/// hot list so that the index's writes stay bounded by the open incidents, not by the whole history.
/// Key: <see cref="IncidentKeys.ArchiveKey"/>. Only the index grain calls it.
/// </summary>
[Alias("monitoring.IIncidentArchiveGrain")]
public interface IIncidentArchiveGrain : IGrainWithStringKey
{
    /// <summary>Stores the chunk (replacing whatever an interrupted earlier seal left under this key).</summary>
    [Alias("Store")]
    Task Store(IncidentSummary[] entries);

    /// <summary>Deletes the chunk from storage: its entries have moved elsewhere.</summary>
    [Alias("Clear")]
    Task Clear();

    [Alias("Entries")]
    [Orleans.Concurrency.ReadOnly]
    Task<IncidentSummary[]> Entries();
}
