namespace Monitoring.Host.Ingestion;

using System.IO.Hashing;
using System.Text;
using System.Text.Json;

/// <summary>
/// One string per repeated id: a sensor sends its sensorId in every report, and a track its trackId in each of its
/// reports. Reading each as a new string was about a fifth of what the host allocated at 100,000 reports/s, and a
/// track's state kept the newest copy alive through a collection (docs/performance.md, section 16).
/// </summary>
/// <remarks>
/// A fixed table of slots, each holding the last ASCII id that hashed to it. It is bounded whatever sensors send,
/// needs no lock (a slot is one reference, and a string is never changed), and a miss costs what reading the
/// string always did. Only unescaped ASCII is kept: it compares to the request's bytes without decoding them, and
/// everything else is read as before, so what the reader accepts or refuses does not change.
/// </remarks>
internal sealed class RepeatedIds
{
    private readonly string?[] _slots;
    private readonly int _mask;
    private readonly int _maxLength;

    /// <param name="slots">The table's size, a power of two.</param>
    /// <param name="maxLength">Longer ids are read but not kept.</param>
    public RepeatedIds(int slots, int maxLength)
    {
        if (slots < 1 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "must be a power of two");
        }

        _slots = new string?[slots];
        _mask = slots - 1;
        _maxLength = maxLength;
    }

    /// <summary>The reader's current string token, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > _maxLength)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        ref var slot = ref _slots[(int)XxHash3.HashToUInt64(utf8) & _mask];
        var kept = Volatile.Read(ref slot);
        if (kept is not null && Ascii.Equals(utf8, kept))
        {
            return kept;
        }

        var text = reader.GetString()!; // checks the UTF-8, as every string read does
        if (Ascii.IsValid(utf8))
        {
            Volatile.Write(ref slot, text);
        }

        return text;
    }
}
