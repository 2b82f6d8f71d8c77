namespace Monitoring.Simulation.Tests.Support;

using System.IO.Compression;
using Monitoring.Contracts.Reports;
using Monitoring.Simulation.Recording;

/// <summary>Writes segment files in the recorder's format, for reader tests that need no host.</summary>
public static class Segments
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);

    public static SensorReport Report(int n, string sensor = "rdr-10") => new(
        $"{sensor}:{n:000000}", sensor, T0.AddSeconds(n), 127.0 + (n * 1e-5), 38.0, 15, ObjectClass.Person, 1, n % 2 == 0 ? "t-1" : null);

    /// <summary>One framed record per batch; batch i holds reports first..first+size-1 recorded at T0 + i s.</summary>
    public static byte[][] Records(int batches, int size, string sensor = "rdr-10", int recordedOffsetS = 0)
        => Enumerable.Range(0, batches)
            .Select(i => FeedRecordFormat.Encode(Enumerable.Range((i * size) + 1, size).Select(n => Report(n, sensor)).ToArray(), T0.AddSeconds(i + recordedOffsetS)))
            .ToArray();

    public static string WriteOpen(string directory, string host, int index, IEnumerable<byte[]> records)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SegmentName.FileName(host, index, sealedSegment: false));
        using var file = File.Create(path);
        file.Write(FeedRecordFormat.FileMagic);
        foreach (var r in records)
        {
            file.Write(r);
        }

        return path;
    }

    public static string WriteSealed(string directory, string host, int index, IEnumerable<byte[]> records)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SegmentName.FileName(host, index, sealedSegment: true));
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(FeedRecordFormat.FileMagic);
        foreach (var r in records)
        {
            gzip.Write(r);
        }

        return path;
    }

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "monitoring-sim-tests", Guid.NewGuid().ToString("N"));
}
