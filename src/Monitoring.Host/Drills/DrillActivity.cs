namespace Monitoring.Host.Drills;

using System.Collections.Concurrent;

/// <summary>
/// What the sector grains of a running drill touched: the incidents they signalled (one-way) and how many
/// alerts they raised. The replay loop waits for those incidents before it moves the drill clock on, so
/// an incident opens at the same drill instant at any speed.
/// </summary>
public sealed class DrillActivity
{
    private readonly ConcurrentDictionary<string, Watch> _watched = new(StringComparer.Ordinal);

    public void StartWatching(string drillId) => _watched.TryAdd(drillId, new Watch());

    public void StopWatching(string drillId) => _watched.TryRemove(drillId, out _);

    public void Touched(string drillId, string incidentId)
    {
        if (_watched.TryGetValue(drillId, out var watch))
        {
            watch.Incidents.TryAdd(incidentId, 0);
        }
    }

    public void Alerted(string drillId, int count)
    {
        if (_watched.TryGetValue(drillId, out var watch))
        {
            Interlocked.Add(ref watch.Alerts, count);
        }
    }

    public long AlertCount(string drillId) => _watched.TryGetValue(drillId, out var watch) ? Interlocked.Read(ref watch.Alerts) : 0;

    /// <summary>The incidents touched since the last call, in id order.</summary>
    public string[] DrainTouched(string drillId)
    {
        if (!_watched.TryGetValue(drillId, out var watch) || watch.Incidents.IsEmpty)
        {
            return [];
        }

        var ids = watch.Incidents.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var id in ids)
        {
            watch.Incidents.TryRemove(id, out _);
        }

        return ids;
    }

    private sealed class Watch
    {
        public readonly ConcurrentDictionary<string, byte> Incidents = new(StringComparer.Ordinal);
        public long Alerts;
    }
}
