namespace Monitoring.Simulation.Recording;

using System.Buffers.Binary;
using System.IO.Compression;

/// <summary>
/// Reads the records of one segment. A damaged stretch (a torn tail, a bad CRC, garbage) counts as one
/// skipped record and reading goes on at the next position where a whole, checksummed record starts,
/// so damage never hides the records before it or after it.
/// </summary>
public static class SegmentParser
{
    public static IEnumerable<RecordedBatch> Read(SegmentName segment, Action onSkipped)
    {
        var bytes = Load(segment, onSkipped);
        var start = bytes.AsSpan().StartsWith(FeedRecordFormat.FileMagic) ? FeedRecordFormat.FileMagic.Length : 0;
        if (start == 0 && bytes.Length > 0)
        {
            onSkipped();
        }

        var pos = start;
        while (pos < bytes.Length)
        {
            if (!IsWholeRecord(bytes, pos, out var length))
            {
                onSkipped();
                pos = NextWholeRecord(bytes, pos + 1);
                continue;
            }

            RecordedBatch? batch;
            try
            {
                batch = FeedRecordFormat.Decode(bytes.AsSpan(pos + FeedRecordFormat.HeaderBytes, length), segment.Host);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
            {
                batch = null; // A checksummed payload we cannot decode: written by a newer format, or a bug.
                onSkipped();
            }

            pos += FeedRecordFormat.HeaderBytes + length;
            if (batch is not null)
            {
                yield return batch;
            }
        }
    }

    /// <summary>True when a record starts at pos with a plausible length, all its bytes present and its CRC right.</summary>
    public static bool IsWholeRecord(byte[] bytes, int pos, out int length)
    {
        length = 0;
        if (bytes.Length - pos < FeedRecordFormat.HeaderBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos)) != FeedRecordFormat.RecordMarker)
        {
            return false;
        }

        length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
        if (length < 0 || length > FeedRecordFormat.MaxPayloadBytes || length > bytes.Length - pos - FeedRecordFormat.HeaderBytes)
        {
            return false;
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 8));
        return crc == FeedRecordFormat.Checksum(bytes.AsSpan(pos + 4, 4), bytes.AsSpan(pos + FeedRecordFormat.HeaderBytes, length));
    }

    private static int NextWholeRecord(byte[] bytes, int from)
    {
        Span<byte> marker = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(marker, FeedRecordFormat.RecordMarker);
        var pos = from;
        while (pos < bytes.Length)
        {
            var found = bytes.AsSpan(pos).IndexOf(marker);
            if (found < 0)
            {
                return bytes.Length;
            }

            pos += found;
            if (IsWholeRecord(bytes, pos, out _))
            {
                return pos;
            }

            pos++;
        }

        return bytes.Length;
    }

    /// <summary>
    /// A segment listed open may be sealed while it waits to be read, or while it is read: the sealer writes the
    /// sealed file completely, and only then shortens the open one in steps and deletes it. So the open file's
    /// bytes count only if no sealed file existed once they were read; otherwise the sealed one is read.
    /// </summary>
    private static byte[] Load(SegmentName segment, Action onSkipped)
    {
        if (segment.Sealed)
        {
            return LoadSealed(segment, onSkipped);
        }

        var sealedSegment = segment.AsSealed();
        byte[]? raw;
        try
        {
            raw = ReadToEnd(segment.Path);
        }
        catch (FileNotFoundException) when (File.Exists(sealedSegment.Path))
        {
            raw = null;
        }

        return raw is not null && !File.Exists(sealedSegment.Path) ? raw : LoadSealed(sealedSegment, onSkipped);
    }

    /// <summary>What the file holds up to its end now; it may be growing (the live segment) or shrinking.</summary>
    private static byte[] ReadToEnd(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var raw = new byte[file.Length];
        var read = file.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
        return read == raw.Length ? raw : raw[..read];
    }

    private static byte[] LoadSealed(SegmentName segment, Action onSkipped)
    {
        using var file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        using var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            gzip.CopyTo(output);
        }
        catch (InvalidDataException)
        {
            onSkipped(); // A damaged gzip stream: keep what decompressed before the damage.
        }

        return output.ToArray();
    }
}
