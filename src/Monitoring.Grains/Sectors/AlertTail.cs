namespace Monitoring.Grains.Sectors;

using Monitoring.Contracts.Alerts;

/// <summary>The newest alerts of a sector, in memory, so most catch-ups never touch storage.</summary>
internal sealed class AlertTail(int capacity)
{
    private readonly Queue<Alert> _alerts = new();

    public long FirstSeq => _alerts.TryPeek(out var first) ? first.Seq : long.MaxValue;

    public void Add(Alert alert)
    {
        _alerts.Enqueue(alert);
        while (_alerts.Count > capacity)
        {
            _alerts.Dequeue();
        }
    }

    /// <summary>True when the tail alone can answer "after afterSeq".</summary>
    public bool Covers(long afterSeq) => afterSeq + 1 >= FirstSeq || _alerts.Count == 0;

    /// <summary>The newest alert that matches, or null (no copy of the tail).</summary>
    public Alert? LastMatching(Func<Alert, bool> match)
    {
        Alert? found = null;
        foreach (var alert in _alerts)
        {
            if (match(alert))
            {
                found = alert;
            }
        }

        return found;
    }

    public Alert[] After(long afterSeq, int limit)
        => _alerts.Where(a => a.Seq > afterSeq).Take(limit).ToArray();
}
