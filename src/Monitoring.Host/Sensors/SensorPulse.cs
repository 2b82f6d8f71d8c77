namespace Monitoring.Host.Sensors;

using Monitoring.Grains.Sensors;

/// <summary>
/// One sensor's liveness on this silo: the last time it was heard and whether it is unknown (never heard
/// since start), online or offline. Lock-free, so a 10,000-report batch costs one write per sensor.
/// </summary>
internal sealed class SensorPulse(Sensor sensor)
{
    public const int Unknown = 0, Online = 1, Offline = 2;
    private long _lastTicks;
    private int _state;
    private int _cameBack;

    public Sensor Sensor { get; } = sensor;

    public int State => Volatile.Read(ref _state);

    public DateTimeOffset? LastHeardAt => Volatile.Read(ref _lastTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public void Beat(long nowTicks)
    {
        long seen;
        while ((seen = Volatile.Read(ref _lastTicks)) < nowTicks && Interlocked.CompareExchange(ref _lastTicks, nowTicks, seen) != seen)
        {
        }

        if (Volatile.Read(ref _state) != Online && Interlocked.Exchange(ref _state, Online) == Offline)
        {
            Volatile.Write(ref _cameBack, 1);
        }
    }

    /// <summary>Online → offline when silent for longer than offlineAfter; true for the one caller that flipped it.</summary>
    public bool TryMarkOffline(long nowTicks, long offlineAfterTicks)
    {
        if (State != Online || nowTicks - Volatile.Read(ref _lastTicks) <= offlineAfterTicks
            || Interlocked.CompareExchange(ref _state, Offline, Online) != Online)
        {
            return false;
        }

        // A beat that slipped in between the check and the flip wins: it was not silent after all.
        if (nowTicks - Volatile.Read(ref _lastTicks) <= offlineAfterTicks)
        {
            Interlocked.CompareExchange(ref _state, Online, Offline);
            return false;
        }

        return true;
    }

    /// <summary>Undoes a flip whose alert could not be raised, so the next check tries again.</summary>
    public void RevertOffline() => Interlocked.CompareExchange(ref _state, Online, Offline);

    public bool TakeCameBack() => Interlocked.Exchange(ref _cameBack, 0) == 1;
}
