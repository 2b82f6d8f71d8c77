namespace Monitoring.Simulation.Recording;

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Monitoring.Contracts.Reports;

/// <summary>
/// The on-disk framing of the feed recorder (docs/recording.md). A segment is the 8-byte file magic
/// followed by records; each record is
/// <c>marker u32 | length u32 | crc32(length bytes + payload) u32 | payload</c>, little-endian.
/// The marker lets a reader find the next record after a damaged one; the CRC covers the length too,
/// so a torn or corrupted length is detected rather than trusted.
/// </summary>
public static class FeedRecordFormat
{
    /// <summary>"MONFEED1": the first bytes of every segment (raw, or inside its gzip stream).</summary>
    public static ReadOnlySpan<byte> FileMagic => "MONFEED1"u8;

    public const uint RecordMarker = 0x31434552; // "REC1" little-endian
    public const int HeaderBytes = 12;

    /// <summary>Larger lengths are treated as damage: a batch is at most 10,000 small reports.</summary>
    public const int MaxPayloadBytes = 32 * 1024 * 1024;

    private const byte PayloadVersion = 1;
    private const byte HasAccuracy = 1, HasTrack = 2;

    /// <summary>One complete framed record for an accepted batch (header + payload).</summary>
    public static byte[] Encode(IReadOnlyList<SensorReport> reports, DateTimeOffset recordedAt)
    {
        // Indexed loops: a foreach over the interface would box an enumerator per pass (two per batch).
        var size = 1 + 8 + 4;
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            size += 2 + Encoding.UTF8.GetByteCount(r.ReportId) + 2 + Encoding.UTF8.GetByteCount(r.SensorId)
                + 8 + 8 + 8 + 1 + 8 + 1 + 4 + 2 + (r.TrackId is null ? 0 : Encoding.UTF8.GetByteCount(r.TrackId));
        }

        var buffer = new byte[HeaderBytes + size];
        var span = buffer.AsSpan(HeaderBytes);
        var at = 0;
        span[at++] = PayloadVersion;
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], recordedAt.UtcTicks);
        at += 8;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], reports.Count);
        at += 4;
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            at += WriteString(span[at..], r.ReportId);
            at += WriteString(span[at..], r.SensorId);
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], r.ObservedAt.UtcTicks);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 8)..], r.Lon);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 16)..], r.Lat);
            at += 24;
            span[at++] = (byte)(HasAccuracy | (r.TrackId is null ? 0 : HasTrack));
            BinaryPrimitives.WriteDoubleLittleEndian(span[at..], r.AccuracyM);
            at += 8;
            span[at++] = (byte)r.Class;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], r.Count);
            at += 4;
            at += WriteString(span[at..], r.TrackId ?? "");
        }

        WriteHeader(buffer, at);
        return at == size ? buffer : buffer[..(HeaderBytes + at)];
    }

    /// <summary>Decodes a payload whose CRC was checked. Throws FormatException on anything unexpected.</summary>
    public static RecordedBatch Decode(ReadOnlySpan<byte> payload, string host)
    {
        if (payload.Length < 13 || payload[0] != PayloadVersion)
        {
            throw new FormatException("unknown payload version");
        }

        var recordedAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(payload[1..]), TimeSpan.Zero);
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload[9..]);
        if (count < 0 || count > payload.Length)
        {
            throw new FormatException("bad report count");
        }

        var at = 13;
        var reports = new SensorReport[count];
        for (var i = 0; i < count; i++)
        {
            var reportId = ReadString(payload, ref at);
            var sensorId = ReadString(payload, ref at);
            var observed = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(payload[at..]), TimeSpan.Zero);
            var lon = BinaryPrimitives.ReadDoubleLittleEndian(payload[(at + 8)..]);
            var lat = BinaryPrimitives.ReadDoubleLittleEndian(payload[(at + 16)..]);
            at += 24;
            var flags = payload[at++];
            var accuracy = BinaryPrimitives.ReadDoubleLittleEndian(payload[at..]);
            at += 8;
            var objectClass = (ObjectClass)payload[at++];
            var reportCount = BinaryPrimitives.ReadInt32LittleEndian(payload[at..]);
            at += 4;
            var track = ReadString(payload, ref at);
            reports[i] = new SensorReport(reportId, sensorId, observed, lon, lat, accuracy, objectClass, reportCount, (flags & HasTrack) != 0 ? track : null);
        }

        return new RecordedBatch(recordedAt, host, reports);
    }

    /// <summary>CRC-32 over the 4 length bytes and the payload.</summary>
    public static uint Checksum(ReadOnlySpan<byte> lengthBytes, ReadOnlySpan<byte> payload)
    {
        var crc = new Crc32();
        crc.Append(lengthBytes);
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32();
    }

    private static void WriteHeader(byte[] buffer, int payloadLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, RecordMarker);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(4), payloadLength);
        var crc = Checksum(buffer.AsSpan(4, 4), buffer.AsSpan(HeaderBytes, payloadLength));
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(8), crc);
    }

    private static int WriteString(Span<byte> target, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, target[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(target, checked((ushort)written));
        return 2 + written;
    }

    private static string ReadString(ReadOnlySpan<byte> payload, ref int at)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(payload[at..]);
        var value = Encoding.UTF8.GetString(payload.Slice(at + 2, length));
        at += 2 + length;
        return value;
    }
}
