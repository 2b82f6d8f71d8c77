namespace Monitoring.Host.Drills;

/// <summary>
/// A drill's own time: recording time, moved only by the drill's replay loop (<see cref="AdvanceTo"/>), so
/// the same recording sees the same instants at any speed. Timers (incident deadlines) fire inside
/// AdvanceTo, in due order; the loop asks <see cref="NextDue"/> so it can stop at each one.
/// </summary>
public sealed class DrillClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<DrillTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The earliest moment a timer is due, or null when none is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new DrillTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves time forward (never back) and fires every timer due by then, earliest first.
    /// Answers the states of the timers that fired (for deadline timers, the incidents to settle).
    /// </summary>
    public IReadOnlyList<object?> AdvanceTo(DateTimeOffset target)
    {
        var fired = new List<object?>();
        while (true)
        {
            DrillTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return fired;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                _timers.Remove(due);
                if (due.Period > TimeSpan.Zero)
                {
                    due.DueAt = _now + due.Period;
                    _timers.Add(due);
                }
            }

            fired.Add(due.State);
            due.Invoke(); // outside the lock: the callback may arm timers
        }
    }

    internal void Schedule(DrillTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                _timers.Add(timer);
            }
        }
    }

    internal void Cancel(DrillTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }
}
