namespace Monitoring.Grains.Sectors;

using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

/// <summary>
/// Remembers (sensorId, reportId) pairs for a sliding window. A sector is the single writer for every
/// report routed to it, and a report always routes to the same sector, so this is the cluster-wide window.
/// </summary>
/// <remarks>
/// <para>A pair is kept as its 128-bit XxHash, not as its strings: a 10-minute window at a high rate holds
/// millions of pairs, and the strings (plus a tuple per pair) were most of the host's memory growth
/// (docs/performance.md). A false duplicate needs a 128-bit collision, about n²/2¹²⁹ for n pairs.</para>
/// <para>The window is a ring of generations, each a set of the keys first seen in one eighth of the window.
/// The oldest generation is dropped whole once its last key is a full window old, so a pair is remembered for
/// at least the window and at most an eighth longer. Against one dictionary of key → expiry plus an expiry
/// queue, that is about half the memory per pair (no expiry time, no queue), no per-pair expiry work, and no
/// multi-million-entry rehash inside a sector's turn: each new generation is sized like the last one, and
/// takes over the set of the generation last dropped.</para>
/// </remarks>
internal sealed class DedupeWindow
{
    private const int Generations = 8;
    private readonly Queue<Generation> _older = new(); // oldest first
    private readonly long _windowTicks;
    private readonly long _generationTicks;
    private Generation? _current;
    private HashSet<UInt128>? _spare;

    public DedupeWindow(TimeSpan window)
    {
        _windowTicks = window.Ticks;
        _generationTicks = Math.Max(1, window.Ticks / Generations);
    }

    /// <summary>Pairs remembered now (those of every generation still kept).</summary>
    public int Count => (_current?.Keys.Count ?? 0) + _older.Sum(g => g.Keys.Count);

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
        var current = Advance(now.UtcTicks);
        if (current.Keys.Contains(key))
        {
            return true;
        }

        foreach (var generation in _older)
        {
            if (generation.Keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(string sensorId, string reportId, DateTimeOffset now) => Add(Key(sensorId, reportId), now);

    public void Add(UInt128 key, DateTimeOffset now) => Advance(now.UtcTicks).Keys.Add(key);

    /// <summary>Starts a new generation when the current one has had its eighth of the window, and drops those a window past their end.</summary>
    private Generation Advance(long now)
    {
        if (_current is null)
        {
            return _current = new Generation(now, _generationTicks, new HashSet<UInt128>());
        }

        if (now >= _current.End)
        {
            // Every key of the current generation was added before its End: a call at or after End would have
            // started the next generation first. So End + window is when its newest key has had its window.
            var capacity = _current.Keys.Count;
            _older.Enqueue(_current);
            DropExpired(now);
            _current = new Generation(now, _generationTicks, TakeSpare(capacity));
            return _current;
        }

        DropExpired(now);
        return _current;
    }

    private void DropExpired(long now)
    {
        while (_older.TryPeek(out var oldest) && oldest.End + _windowTicks <= now)
        {
            _older.Dequeue();
            _spare = oldest.Keys;
        }
    }

    /// <summary>
    /// The set for a new generation: the last dropped one, emptied. A generation's set is large enough to live on
    /// the large object heap, which only a full collection frees; reusing it keeps a steady rate from leaving one
    /// there every eighth of the window.
    /// </summary>
    private HashSet<UInt128> TakeSpare(int capacity)
    {
        var keys = _spare ?? new HashSet<UInt128>(capacity);
        _spare = null;
        keys.Clear();
        keys.EnsureCapacity(capacity); // sized like the generation before it: at a steady rate it never rehashes
        return keys;
    }

    private sealed class Generation(long start, long length, HashSet<UInt128> keys)
    {
        public long End { get; } = start + length;

        public HashSet<UInt128> Keys { get; } = keys;
    }
}
