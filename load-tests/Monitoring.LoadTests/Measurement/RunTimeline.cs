namespace Monitoring.LoadTests.Measurement;

using System.Diagnostics;

/// <summary>
/// The run's clock and its per-second buckets. Every time is microseconds since Start (Stopwatch), so a
/// scheduled send time can travel inside a reportId and come back in an alert.
/// </summary>
public sealed class RunTimeline
{
    private readonly SecondBucket[] _seconds;
    private long _startTimestamp;
    private long _lastAccept;

    public RunTimeline(int seconds)
    {
        _seconds = new SecondBucket[Math.Max(1, seconds)];
        for (var i = 0; i < _seconds.Length; i++)
        {
            _seconds[i] = new SecondBucket();
        }

        _startTimestamp = Stopwatch.GetTimestamp();
        StartedAt = DateTimeOffset.UtcNow;
    }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Moves time zero to now: set-up (consoles connecting, warm-up) does not count as run time.</summary>
    public void Restart()
    {
        _startTimestamp = Stopwatch.GetTimestamp();
        StartedAt = DateTimeOffset.UtcNow;
    }

    public LatencyHistogram Accept { get; } = new();

    /// <summary>Run time (µs) of the last accepted answer: an overloaded host answers long after the schedule ends.</summary>
    public long LastAcceptMicroseconds => Interlocked.Read(ref _lastAccept);

    public LatencyHistogram Alert { get; } = new();

    /// <summary>
    /// From the host's decision (the alert's decidedAt) to the console: the sector's commit, the push and the
    /// console's own dispatch. The rest of an alert's latency is the way in (request, recorder, decide queue).
    /// Host and generator share the machine's clock, so the two wall-clock times compare.
    /// </summary>
    public LatencyHistogram AlertAfterDecision { get; } = new();

    public void RecordAlertAfterDecision(DateTimeOffset decidedAt, DateTimeOffset arrivedAt)
        => AlertAfterDecision.RecordMicroseconds(Math.Max(0, (arrivedAt - decidedAt).Ticks / 10));

    /// <summary>
    /// How late the generator itself hands each request to the network (its due time to the start of the send):
    /// the part of an accept latency that is the generator's, not the host's, on a machine they share.
    /// </summary>
    public LatencyHistogram SendLag { get; } = new();

    public void RecordSendLag(long dueMicroseconds) => SendLag.RecordMicroseconds(Math.Max(0, NowMicroseconds - dueMicroseconds));

    public IReadOnlyList<SecondBucket> Seconds => _seconds;

    public long NowMicroseconds => (long)(Stopwatch.GetElapsedTime(_startTimestamp).Ticks / 10.0);

    /// <summary>The bucket for a time (microseconds since start); the last one takes everything later.</summary>
    public SecondBucket At(long microseconds) => _seconds[Math.Clamp((int)(microseconds / 1_000_000), 0, _seconds.Length - 1)];

    public void RecordAccept(long dueMicroseconds, int reports, bool ok)
    {
        var bucket = At(dueMicroseconds);
        var now = NowMicroseconds;
        var latency = now - dueMicroseconds;
        if (ok)
        {
            InterlockedMax(ref _lastAccept, now);
            Interlocked.Add(ref bucket.Accepted, reports);
            bucket.Accept.RecordMicroseconds(latency);
            Accept.RecordMicroseconds(latency);
        }
        else
        {
            Interlocked.Increment(ref bucket.Errors);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public void RecordAlert(long dueMicroseconds)
    {
        var latency = NowMicroseconds - dueMicroseconds;
        var bucket = At(NowMicroseconds);
        Interlocked.Increment(ref bucket.Alerts);
        bucket.Alert.RecordMicroseconds(latency);
        Alert.RecordMicroseconds(latency);
    }
}
