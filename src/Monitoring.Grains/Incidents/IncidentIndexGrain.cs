namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;
using Orleans.Concurrency;

/// <summary>
/// The list of a namespace's incidents: one grain per namespace with the whole list as state.
/// Every write stores the whole list, so writes are group-committed: the grain is reentrant, changes made
/// while a write is in flight all go into the next one, and each caller returns once a write holding its
/// change is stored. Under a burst (a load test opens thousands of incidents a minute) that is one write
/// per storage round trip instead of one per incident.
/// </summary>
[Reentrant]
public sealed class IncidentIndexGrain(
    [PersistentState("incidentIndex")] IPersistentState<IncidentIndexState> index) : Grain, IIncidentIndexGrain
{
    private Task _lastWrite = Task.CompletedTask;
    private TaskCompletionSource? _next; // the write that will hold changes made now

    public Task Upsert(IncidentSummary summary)
    {
        if (index.State.Incidents.TryGetValue(summary.IncidentId, out var known) && known == summary)
        {
            return _next?.Task ?? Task.CompletedTask; // nothing new to store
        }

        index.State.Incidents[summary.IncidentId] = summary;
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

    public Task<IncidentSummary[]> List(bool? open, string? sectorId)
        => Task.FromResult(index.State.Incidents.Values
            .Where(s => open is null || s.Open == open)
            .Where(s => sectorId is null || s.SectorId == sectorId)
            .OrderBy(s => s.OpenedAt)
            .ThenBy(s => s.IncidentId, StringComparer.Ordinal)
            .ToArray());

    /// <summary>After the write in flight, stores everything changed up to now in one write (never throws).</summary>
    private async Task WriteAsync(TaskCompletionSource next, Task previous)
    {
        await previous;

        // Changes from here on need another write; the state is serialized when the write starts.
        if (ReferenceEquals(_next, next))
        {
            _next = null;
        }

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
}
