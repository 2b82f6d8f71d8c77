namespace Monitoring.LoadTests.Workload;

using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

/// <summary>
/// Writes one POST body (a JSON array) straight into a pooled buffer: only the id and the time differ
/// between reports of a track, so the generator spends its CPU sending, not serializing.
/// </summary>
public sealed class BatchBody : IDisposable
{
    private static readonly byte[] ReportIdPrefix = "{\"reportId\":\""u8.ToArray();
    private static readonly byte[] SensorIdPrefix = "\",\"sensorId\":\""u8.ToArray();
    private static readonly byte[] ObservedAtPrefix = "\",\"observedAt\":\""u8.ToArray();
    private byte[] _buffer;

    private BatchBody(byte[] buffer, int length, int crossings)
    {
        _buffer = buffer;
        Length = length;
        Crossings = crossings;
    }

    public byte[] Buffer => _buffer;

    public int Length { get; }

    public int Crossings { get; }

    /// <summary>Reports of one sensor lane; each crosses with probability crossingShare (seeded per batch, so runs repeat).</summary>
    public static BatchBody Write(SensorLane lane, string run, long batch, int count, long dueMicroseconds, double crossingShare, DateTime observedAt)
    {
        var random = new Random(unchecked((int)batch * 7919));
        Span<byte> time = stackalloc byte[32];
        observedAt.TryFormat(time, out var timeLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        time = time[..timeLength];
        var sensor = Encoding.UTF8.GetBytes(lane.SensorId);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{run}{batch}."));
        var suffix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"@{dueMicroseconds}"));
        var buffer = ArrayPool<byte>.Shared.Rent(count * 320 + 16);
        var position = 0;
        var crossings = 0;
        buffer[position++] = (byte)'[';
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer[position++] = (byte)',';
            }

            var track = lane.NextTrack();
            var cross = random.NextDouble() < crossingShare;
            crossings += cross ? 1 : 0;
            var tail = cross ? track.CrossTail : track.HomeTail;
            if (position + 160 + tail.Length + sensor.Length + prefix.Length + suffix.Length > buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, position).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            Append(buffer, ref position, ReportIdPrefix);
            Append(buffer, ref position, prefix);
            Utf8Formatter.TryFormat(i, buffer.AsSpan(position), out var written);
            position += written;
            Append(buffer, ref position, suffix);
            Append(buffer, ref position, SensorIdPrefix);
            Append(buffer, ref position, sensor);
            Append(buffer, ref position, ObservedAtPrefix);
            Append(buffer, ref position, time);
            buffer[position++] = (byte)'"';
            Append(buffer, ref position, tail);
        }

        buffer[position++] = (byte)']';
        return new BatchBody(buffer, position, crossings);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Append(byte[] buffer, ref int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }
}
