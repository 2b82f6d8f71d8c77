namespace Monitoring.Host.Drills;

/// <summary>A timer on a <see cref="DrillClock"/>: due in drill time, fired by the drill's replay loop.</summary>
internal sealed class DrillTimer(DrillClock clock, TimerCallback callback, object? state) : ITimer
{
    private bool _disposed;

    public DateTimeOffset DueAt { get; set; }

    public TimeSpan Period { get; private set; }

    /// <summary>What the timer was created with (for a drill's deadline timers: the incident id).</summary>
    public object? State => state;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
        clock.Schedule(this, dueTime);
        return true;
    }

    public void Invoke()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        clock.Cancel(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
