namespace Monitoring.Grains.Sectors;

/// <summary>
/// Remembers (sensorId, reportId) pairs for a sliding window. A sector is the single writer for every
/// report routed to it, and a report always routes to the same sector, so this is the cluster-wide window.
/// </summary>
internal sealed class DedupeWindow
{
    private readonly Dictionary<(string SensorId, string ReportId), long> _seen = new();
    private readonly Queue<(string SensorId, string ReportId, long ExpiresAt)> _expiry = new();
    private readonly long _windowTicks;

    public DedupeWindow(TimeSpan window) => _windowTicks = window.Ticks;

    public bool Contains(string sensorId, string reportId, DateTimeOffset now)
    {
        Expire(now);
        return _seen.ContainsKey((sensorId, reportId));
    }

    public void Add(string sensorId, string reportId, DateTimeOffset now)
    {
        var expiresAt = now.UtcTicks + _windowTicks;
        _seen[(sensorId, reportId)] = expiresAt;
        _expiry.Enqueue((sensorId, reportId, expiresAt));
    }

    private void Expire(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        while (_expiry.TryPeek(out var head) && head.ExpiresAt <= ticks)
        {
            _expiry.Dequeue();
            // Only forget it if it was not seen again later.
            if (_seen.TryGetValue((head.SensorId, head.ReportId), out var current) && current == head.ExpiresAt)
            {
                _seen.Remove((head.SensorId, head.ReportId));
            }
        }
    }
}
