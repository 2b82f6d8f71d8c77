namespace Monitoring.Grains.Sectors;

using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

/// <summary>
/// Remembers (sensorId, reportId) pairs for a sliding window. A sector is the single writer for every
/// report routed to it, and a report always routes to the same sector, so this is the cluster-wide window.
/// </summary>
/// <remarks>
/// A pair is kept as its 128-bit XxHash, not as its strings: a 10-minute window at a high rate holds
/// millions of pairs, and the strings (plus a tuple per pair) were most of the host's memory growth
/// (docs/performance.md). A false duplicate needs a 128-bit collision, about n²/2¹²⁹ for n pairs.
/// </remarks>
internal sealed class DedupeWindow
{
    private readonly Dictionary<UInt128, long> _seen = new();
    private readonly Queue<(UInt128 Key, long ExpiresAt)> _expiry = new();
    private readonly long _windowTicks;

    public DedupeWindow(TimeSpan window) => _windowTicks = window.Ticks;

    public int Count => _seen.Count;

    /// <summary>The window's key for a pair (length-prefixed, so ("a", "bc") and ("ab", "c") differ).</summary>
    public static UInt128 Key(string sensorId, string reportId)
    {
        var length = 2 + sensorId.Length + reportId.Length;
        char[]? rented = null;
        Span<char> text = length <= 512 ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length));
        text[0] = (char)(sensorId.Length >> 16);
        text[1] = (char)sensorId.Length;
        sensorId.CopyTo(text[2..]);
        reportId.CopyTo(text[(2 + sensorId.Length)..]);
        var key = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text[..length]));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    public bool Contains(string sensorId, string reportId, DateTimeOffset now) => Contains(Key(sensorId, reportId), now);

    public bool Contains(UInt128 key, DateTimeOffset now)
    {
        Expire(now);
        return _seen.ContainsKey(key);
    }

    public void Add(string sensorId, string reportId, DateTimeOffset now) => Add(Key(sensorId, reportId), now);

    public void Add(UInt128 key, DateTimeOffset now)
    {
        var expiresAt = now.UtcTicks + _windowTicks;
        _seen[key] = expiresAt;
        _expiry.Enqueue((key, expiresAt));
    }

    private void Expire(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        while (_expiry.TryPeek(out var head) && head.ExpiresAt <= ticks)
        {
            _expiry.Dequeue();
            // Only forget it if it was not seen again later.
            if (_seen.TryGetValue(head.Key, out var current) && current == head.ExpiresAt)
            {
                _seen.Remove(head.Key);
            }
        }
    }
}
