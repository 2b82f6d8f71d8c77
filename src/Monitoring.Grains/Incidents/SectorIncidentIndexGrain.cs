namespace Monitoring.Grains.Incidents;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Incidents;
using Orleans.Concurrency;

/// <summary>
/// One sector's incidents in a namespace's index (see <see cref="IncidentIndexGrain"/>). Its state (the hot
/// list) holds every open incident of the sector and its most recent closed ones; older closed ones are sealed
/// into archive chunks (<see cref="IncidentArchiveGrain"/>, <see cref="IncidentIndexOptions"/>), so a write
/// stays bounded while the history grows. Every write stores the whole hot list, so writes are
/// group-committed: the grain is reentrant, changes made while a write is in flight all go into the next one,
/// and each caller returns once a write holding its change is stored. Under a burst (a load test opens
/// thousands of incidents a minute) that is one write per storage round trip instead of one per incident.
/// </summary>
[Reentrant]
public sealed class SectorIncidentIndexGrain(
    [PersistentState("sectorIncidentIndex")] IPersistentState<SectorIncidentIndexState> index,
    IOptions<IncidentIndexOptions> options,
    ILogger<SectorIncidentIndexGrain> logger) : Grain, ISectorIncidentIndexGrain
{
    private readonly int _recentClosed = Math.Max(1, options.Value.RecentClosed);
    private Task _lastWrite = Task.CompletedTask;
    private TaskCompletionSource? _next; // the write that will hold changes made now

    public Task Upsert(IncidentSummary[] summaries)
    {
        var changed = false;
        foreach (var summary in summaries)
        {
            if (!index.State.Incidents.TryGetValue(summary.IncidentId, out var known) || known != summary)
            {
                index.State.Incidents[summary.IncidentId] = summary;
                changed = true;
            }
        }

        return Stored(changed);
    }

    public Task Remove(string incidentId) => Stored(index.State.Incidents.Remove(incidentId));

    /// <summary>Completes once a write holding every change made up to now is stored.</summary>
    private Task Stored(bool changed)
    {
        if (!changed)
        {
            return _next?.Task ?? Task.CompletedTask; // nothing new to store
        }

        var next = _next;
        if (next is null)
        {
            // Assigned before WriteAsync runs: it may run synchronously up to the storage call.
            next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _next = next;
            _lastWrite = WriteAsync(next, _lastWrite);
        }

        return next.Task;
    }

    public async Task<IncidentSummary[]> List(bool? open) => (await EntriesAsync(open)).ToArray();

    public async Task<IncidentSummary[]> Page(bool? open, IncidentSummary? after, int limit, bool newestFirst)
    {
        var order = IncidentOrder.Of(newestFirst);
        return (await EntriesAsync(open))
            .Where(s => after is null || order.Compare(s, after) > 0)
            .Order(order)
            .Take(limit)
            .ToArray();
    }

    public async Task<IncidentSummary?> Find(string incidentId)
        => index.State.Incidents.TryGetValue(incidentId, out var hot)
            ? hot
            : (await EntriesAsync(open: false)).FirstOrDefault(s => s.IncidentId == incidentId); // archived ones are closed

    private async Task<IEnumerable<IncidentSummary>> EntriesAsync(bool? open)
    {
        // Copied before the first await: the hot list may change while the archive is read.
        var hot = index.State.Incidents.Values.ToArray();
        IEnumerable<IncidentSummary> all = hot;
        if (open != true && index.State.ArchivedChunks > 0)
        {
            // Only closed incidents are archived. An id also in the hot list (upserted again after it was
            // sealed) is listed once, as the hot list has it.
            var chunks = await Task.WhenAll(Enumerable.Range(0, index.State.ArchivedChunks)
                .Select(n => GrainFactory.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey(this.GetPrimaryKeyString(), n)).Entries()));
            var hotIds = hot.Select(s => s.IncidentId).ToHashSet(StringComparer.Ordinal);
            all = hot.Concat(chunks.SelectMany(c => c).Where(s => !hotIds.Contains(s.IncidentId)));
        }

        return all.Where(s => open is null || s.Open == open);
    }

    /// <summary>After the write in flight, stores everything changed up to now in one write (never throws).</summary>
    private async Task WriteAsync(TaskCompletionSource next, Task previous)
    {
        await previous;

        // Changes from here on need another write; the state is serialized when the write starts.
        if (ReferenceEquals(_next, next))
        {
            _next = null;
        }

        await SealOldClosedAsync();
        try
        {
            await index.WriteStateAsync();
            next.SetResult();
        }
        catch (Exception ex)
        {
            next.SetException(ex);
        }
    }

    /// <summary>
    /// When the hot list holds 2 × RecentClosed closed incidents, moves the oldest RecentClosed of them into the
    /// next archive chunk. The chunk is stored before the index write that drops them from the hot list and
    /// counts the chunk, so a crash in between leaves them in the hot list and an uncounted chunk that the next
    /// seal overwrites: nothing is lost or listed twice. A failed seal is retried at the next write.
    /// </summary>
    private async Task SealOldClosedAsync()
    {
        var closed = index.State.Incidents.Values.Where(s => !s.Open).ToList();
        if (closed.Count < 2 * _recentClosed)
        {
            return;
        }

        var sealedChunk = closed
            .Order(IncidentOrder.OldestFirst)
            .Take(closed.Count - _recentClosed)
            .ToArray();
        var number = index.State.ArchivedChunks;
        try
        {
            await GrainFactory.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey(this.GetPrimaryKeyString(), number)).Store(sealedChunk);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Incident index {Index}: could not seal archive chunk {Chunk}; the closed incidents stay in the hot list", this.GetPrimaryKeyString(), number);
            return;
        }

        foreach (var summary in sealedChunk)
        {
            // Upserted again while the chunk was stored (reentrant): the hot list keeps the newer entry.
            if (index.State.Incidents.TryGetValue(summary.IncidentId, out var current) && current == summary)
            {
                index.State.Incidents.Remove(summary.IncidentId);
            }
        }

        index.State.ArchivedChunks = number + 1;
    }
}
