namespace Monitoring.LoadTests.Measurement;

using System.Numerics;

/// <summary>
/// A log-linear (HDR-style) histogram of microsecond values: exact below 128 µs, then 64 sub-buckets
/// per power of two (under 1.6% relative error) up to about an hour. Recording is lock-free
/// (Interlocked) so every sender and console thread can write to the same one.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int SubBuckets = 64;
    private const int MaxShift = 26;
    private readonly long[] _counts = new long[Linear + (MaxShift * SubBuckets)];
    private long _count;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMs => Interlocked.Read(ref _max) / 1000.0;

    public void RecordMicroseconds(long value)
    {
        value = Math.Max(0, value);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _max);
        while (value > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = Interlocked.Read(ref other._counts[i]);
            if (c != 0)
            {
                Interlocked.Add(ref _counts[i], c);
            }
        }

        Interlocked.Add(ref _count, other.Count);
        var otherMax = Interlocked.Read(ref other._max);
        if (otherMax > Interlocked.Read(ref _max))
        {
            Interlocked.Exchange(ref _max, otherMax);
        }
    }

    /// <summary>The value at quantile q (0..1) in milliseconds (upper edge of its bucket, capped at the max), or null when empty.</summary>
    public double? PercentileMs(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperEdge(i), Interlocked.Read(ref _max)) / 1000.0;
            }
        }

        return MaxMs;
    }

    internal static int IndexOf(long value)
    {
        if (value < Linear)
        {
            return (int)value;
        }

        var msb = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var shift = msb - 6; // keep the top 7 bits: 64..127 after the shift
        if (shift > MaxShift)
        {
            return Linear + (MaxShift * SubBuckets) - 1;
        }

        return Linear + ((shift - 1) * SubBuckets) + (int)((value >> shift) - SubBuckets);
    }

    internal static long UpperEdge(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = ((index - Linear) / SubBuckets) + 1;
        var sub = (index - Linear) % SubBuckets;
        return ((long)(sub + SubBuckets + 1) << shift) - 1;
    }
}
