namespace Monitoring.Grains.Incidents;

using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Orleans.Concurrency;

/// <summary>
/// The list of a namespace's incidents: one grain per namespace. It stores only which sectors have incidents;
/// each sector's entries live in that sector's <see cref="SectorIncidentIndexGrain"/>. A write of the whole
/// list for every opened or closed incident grew with the open incidents of the entire line (it was the
/// biggest cost of a load run at 1 % crossings); a sector's write grows only with that sector's.
/// </summary>
[Reentrant]
public sealed class IncidentIndexGrain(
    [PersistentState("incidentIndex")] IPersistentState<IncidentIndexState> index,
    ILogger<IncidentIndexGrain> logger) : Grain, IIncidentIndexGrain
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private HashSet<string> _stored = new(StringComparer.Ordinal); // sectors whose registration is stored

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (index.State.Incidents.Count > 0 || index.State.ArchivedChunks > 0)
        {
            await MoveIntoSectorsAsync();
        }

        _stored = new HashSet<string>(index.State.Sectors, StringComparer.Ordinal);
    }

    public async Task Upsert(IncidentSummary summary)
    {
        if (!_stored.Contains(summary.SectorId))
        {
            await RegisterAsync([summary.SectorId]);
        }

        await Sector(summary.SectorId).Upsert([summary]);
    }

    public async Task Moved(IncidentSummary summary, string fromSectorId)
    {
        await Upsert(summary);
        if (fromSectorId != summary.SectorId && _stored.Contains(fromSectorId))
        {
            await Sector(fromSectorId).Remove(summary.IncidentId);
        }
    }

    public async Task<IncidentSummary[]> List(bool? open, string? sectorId)
    {
        var sectors = sectorId is null ? _stored.ToArray() : _stored.Contains(sectorId) ? [sectorId] : [];
        var lists = await Task.WhenAll(sectors.Select(s => Sector(s).List(open)));
        return lists
            .SelectMany(l => l)
            .Order(IncidentOrder.OldestFirst)
            .ToArray();
    }

    public async Task<IncidentPage> Page(IncidentPageQuery query, Actor reader)
    {
        // The reader's sectors are chosen before anything is cut: a page is never short because some sectors are
        // hidden from the reader, and never holds an incident of theirs.
        var sectors = _stored
            .Where(s => (query.SectorId is null || s == query.SectorId) && reader.CoversSector(s))
            .ToArray();
        IncidentSummary? after = null;
        if (query.After is not null && (after = await FindAsync(query.After, sectors)) is null)
        {
            return new IncidentPage { AfterUnknown = true };
        }

        // Each sector answers at most one more than the page, in order: the page's entries are among them, and
        // the one more says whether another page follows. Only the page goes back to the caller.
        var take = query.Limit is { } limit ? limit + 1 : int.MaxValue;
        var pages = await Task.WhenAll(sectors.Select(s => Sector(s).Page(query.Open, after, take, query.NewestFirst)));
        var entries = pages
            .SelectMany(p => p)
            .Order(IncidentOrder.Of(query.NewestFirst))
            .DistinctBy(s => s.IncidentId, StringComparer.Ordinal) // see Moved: a moved incident may be left in two sectors
            .Take(take)
            .ToArray();
        return entries.Length > query.Limit
            ? new IncidentPage { Items = entries[..query.Limit.Value], More = true }
            : new IncidentPage { Items = entries };
    }

    /// <summary>
    /// Stored before any entry goes to a new sector's index, so every stored entry is listed. The gate keeps
    /// the reentrant calls' writes one at a time (concurrent writes of one state would conflict).
    /// </summary>
    private async Task RegisterAsync(IReadOnlyCollection<string> sectorIds)
    {
        await _writeGate.WaitAsync();
        try
        {
            var added = sectorIds.Where(index.State.Sectors.Add).ToList();
            if (added.Count > 0)
            {
                try
                {
                    await index.WriteStateAsync();
                }
                catch
                {
                    index.State.Sectors.ExceptWith(added);
                    throw;
                }
            }

            _stored.UnionWith(sectorIds);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// An index stored before the split: its hot list and archive chunks go into the sectors' indexes, then it
    /// is emptied. Upserts are idempotent, so an interrupted move is simply done again at the next activation.
    /// </summary>
    private async Task MoveIntoSectorsAsync()
    {
        var key = this.GetPrimaryKeyString();
        var entries = new Dictionary<string, IncidentSummary>(StringComparer.Ordinal);
        for (var n = 0; n < index.State.ArchivedChunks; n++)
        {
            foreach (var s in await GrainFactory.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey(key, n)).Entries())
            {
                entries[s.IncidentId] = s;
            }
        }

        foreach (var (id, s) in index.State.Incidents)
        {
            entries[id] = s; // the hot list is newer than the archive
        }

        var bySector = entries.Values.GroupBy(s => s.SectorId, StringComparer.Ordinal).ToList();
        await RegisterAsync(bySector.Select(g => g.Key).ToList());
        await Task.WhenAll(bySector.Select(g => Sector(g.Key).Upsert(g.ToArray())));
        var chunks = index.State.ArchivedChunks;
        index.State.Incidents.Clear();
        index.State.ArchivedChunks = 0;
        await index.WriteStateAsync();

        // Only once the emptied index is stored: before that, a restart reads the chunks again. A crash here
        // leaves a chunk that nothing counts or reads, as every chunk was left before.
        await Task.WhenAll(Enumerable.Range(0, chunks).Select(n => GrainFactory.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey(key, n)).Clear()));
        logger.LogInformation("Incident index {Index}: moved {Count} incident(s) into {Sectors} sector index(es)", key, entries.Count, bySector.Count);
    }

    /// <summary>
    /// The entry of a cursor, if one of these sectors holds it (whatever its status now: an open incident that
    /// closed while a caller paged the open list still marks a position). Asked first of the sector its id says
    /// it opened in; an incident moves with its track, and then is in another sector's index (an entry left
    /// behind in the sector it left, see <see cref="Moved"/>, has the same position, so either entry marks it).
    /// </summary>
    private async Task<IncidentSummary?> FindAsync(string incidentId, string[] sectors)
    {
        var opening = IncidentKeys.OpeningSectorOf(incidentId);
        if (opening is null)
        {
            return null; // not an incident id
        }

        if (sectors.Contains(opening) && await Sector(opening).Find(incidentId) is { } found)
        {
            return found;
        }

        var elsewhere = await Task.WhenAll(sectors.Where(s => s != opening).Select(s => Sector(s).Find(incidentId)));
        return elsewhere.FirstOrDefault(s => s is not null);
    }

    private ISectorIncidentIndexGrain Sector(string sectorId)
        => GrainFactory.Reference<ISectorIncidentIndexGrain>(IncidentKeys.SectorIndexKey(this.GetPrimaryKeyString(), sectorId));
}
