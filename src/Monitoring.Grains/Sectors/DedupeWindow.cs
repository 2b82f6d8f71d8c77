namespace Monitoring.Grains.Sectors;

using System.Buffers;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

/// <summary>
/// Remembers (sensorId, reportId) pairs for a sliding window. A sector is the single writer for every
/// report routed to it, and a report always routes to the same sector, so this is the cluster-wide window.
/// </summary>
/// <remarks>
/// <para>A pair is kept as its 128-bit XxHash, not as its strings: a 10-minute window at a high rate holds
/// millions of pairs, and the strings (plus a tuple per pair) were most of the host's memory growth
/// (docs/performance.md).</para>
/// <para>The window is cut into generations, each an eighth of it. A generation is dropped whole once its last
/// pair is a full window old, so a pair is remembered for at least the window and at most an eighth longer.</para>
/// <para>Every generation's pairs share one open-addressing table (linear probing). A slot holds a pair's hash with
/// its lowest 8 bits replaced by its generation's tag, so a lookup reads one run of adjacent slots, usually one
/// cache line, however many generations are kept. A set per generation cost a cache miss or two per generation for
/// every new pair, the host's hottest function at 100,000 reports/s (docs/performance.md, section 16). A dropped
/// generation's tag is marked dead: its slots count as free to later pairs, and a rebuild leaves them out. A false
/// duplicate needs two pairs whose hashes agree in the other 120 bits, about n²/2¹²¹ for n pairs.</para>
/// <para>The table is rebuilt, to a size for the pairs kept, when three quarters of its slots are taken (by kept pairs
/// or by dropped ones), before a tag is given to a new generation while a dropped generation's slots may still
/// carry it, and when a falling rate has left it seven eighths empty. It holds 16 bytes a slot at a load of 0.3 to
/// 0.75: about what the sets held per pair.</para>
/// </remarks>
internal sealed class DedupeWindow
{
    private const int Generations = 8;
    private const int MinCapacity = 1024;
    private const ulong TagBits = 0xFF;
    private readonly Queue<Generation> _older = new(); // oldest first
    private readonly long _windowTicks;
    private readonly long _generationTicks;
    private readonly bool[] _live = new bool[256]; // a tag whose generation is kept
    private readonly bool[] _inTable = new bool[256]; // a tag some slot may still carry
    private readonly int[] _counts = new int[256]; // kept pairs by tag
    private UInt128[] _slots = new UInt128[MinCapacity];
    private int _used; // slots not empty: kept pairs, and pairs of dropped generations not yet overwritten
    private int _count; // kept pairs
    private Generation? _current;
    private byte _lastTag;

    public DedupeWindow(TimeSpan window)
    {
        _windowTicks = window.Ticks;
        _generationTicks = Math.Max(1, window.Ticks / Generations);
    }

    /// <summary>Pairs remembered now (those of every generation still kept).</summary>
    public int Count => _count;

    /// <summary>Slots in the table (for tests of its size).</summary>
    internal int Capacity => _slots.Length;

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
        Advance(now.UtcTicks);
        var pair = key & ~(UInt128)TagBits;
        var mask = _slots.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == UInt128.Zero)
            {
                return false; // a run ends at an empty slot, and the table always has one
            }

            if ((slot & ~(UInt128)TagBits) == pair && _live[(byte)slot])
            {
                return true;
            }
        }
    }

    public void Add(string sensorId, string reportId, DateTimeOffset now) => Add(Key(sensorId, reportId), now);

    /// <summary>Remembers the pair in the current generation (a pair already kept moves up to it).</summary>
    public void Add(UInt128 key, DateTimeOffset now)
    {
        var tag = Advance(now.UtcTicks).Tag;
        var pair = key & ~(UInt128)TagBits;
        while (true)
        {
            var mask = _slots.Length - 1;
            var free = -1; // the first slot of a dropped generation on the way
            var i = Home(key, mask);
            for (; _slots[i] != UInt128.Zero; i = (i + 1) & mask)
            {
                var slot = _slots[i];
                if (!_live[(byte)slot])
                {
                    free = free < 0 ? i : free;
                }
                else if ((slot & ~(UInt128)TagBits) == pair)
                {
                    _counts[(byte)slot]--;
                    _counts[tag]++;
                    _slots[i] = pair | tag;
                    return;
                }
            }

            if (free < 0)
            {
                if (_used + 1 > _slots.Length / 4 * 3)
                {
                    Rebuild();
                    continue; // the run is elsewhere in the new table
                }

                free = i;
                _used++;
            }

            _slots[free] = pair | tag;
            _counts[tag]++;
            _count++;
            return;
        }
    }

    private static int Home(UInt128 key, int mask) => (int)(ulong)(key >> 64) & mask;

    /// <summary>Starts a new generation when the current one has had its eighth of the window, and drops those a window past their end.</summary>
    private Generation Advance(long now)
    {
        if (_current is null)
        {
            return _current = new Generation(now, _generationTicks, NextTag());
        }

        if (now >= _current.End)
        {
            // Every pair of the current generation was added before its End: a call at or after End would have
            // started the next generation first. So End + window is when its newest pair has had its window.
            _older.Enqueue(_current);
            DropExpired(now);
            _current = new Generation(now, _generationTicks, NextTag());
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
            _live[oldest.Tag] = false;
            _count -= _counts[oldest.Tag];
            _counts[oldest.Tag] = 0;
        }
    }

    /// <summary>
    /// A tag no kept slot carries: the one after the last, once no slot of a dropped generation has it. A table left
    /// seven eighths empty by a rate that fell is rebuilt smaller here too, once a generation at most.
    /// </summary>
    private byte NextTag()
    {
        var tag = (byte)(_lastTag % 255 + 1); // 1..255: a kept slot is never all zero, so zero marks an empty one
        if (_inTable[tag] || (_slots.Length > MinCapacity && _count < _slots.Length / 8))
        {
            Rebuild(); // leaves out every dropped generation's slots
        }

        _lastTag = tag;
        _live[tag] = true;
        _inTable[tag] = true;
        return tag;
    }

    /// <summary>A new table with only the kept pairs, sized so they fill 30 to 60 % of it.</summary>
    private void Rebuild()
    {
        var capacity = Math.Max(MinCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)(_count / 3 * 5) + 1));
        var slots = new UInt128[capacity];
        var mask = capacity - 1;
        foreach (var slot in _slots)
        {
            if (slot != UInt128.Zero && _live[(byte)slot])
            {
                var i = Home(slot, mask);
                while (slots[i] != UInt128.Zero)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        _slots = slots;
        _used = _count;
        Array.Copy(_live, _inTable, _live.Length);
    }

    private sealed class Generation(long start, long length, byte tag)
    {
        public long End { get; } = start + length;

        public byte Tag { get; } = tag;
    }
}
