namespace Monitoring.Host.Storage;

using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Storage;

/// <summary>
/// The default grain storage the grains see: live grains go to the durable store (SQLite or Redis), drill
/// grains (incidents, incident index and counters of a drill) to memory. A drill is reproducible from its
/// recording and does not outlive the host, so its replay at "max" is not held back by the disk.
/// A drill state is kept by reference, not copied: the only later reader is the next activation of the same
/// grain, and copying a growing state (a drill's incident index) on every write made the replay quadratic.
/// </summary>
public sealed class NamespacedGrainStorage(IGrainStorage durable) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _drills = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!DrillNamespace.IsDrill(grainId))
        {
            return durable.ReadStateAsync(stateName, grainId, grainState);
        }

        if (_drills.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = (T)stored.State;
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!DrillNamespace.IsDrill(grainId))
        {
            return durable.WriteStateAsync(stateName, grainId, grainState);
        }

        var etag = Guid.NewGuid().ToString("N");
        _drills[(stateName, grainId)] = new Stored(grainState.State!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!DrillNamespace.IsDrill(grainId))
        {
            return durable.ClearStateAsync(stateName, grainId, grainState);
        }

        _drills.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private sealed record Stored(object State, string ETag);
}
