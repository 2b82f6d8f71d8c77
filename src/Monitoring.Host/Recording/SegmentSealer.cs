namespace Monitoring.Host.Recording;

using System.IO.Compression;
using System.Text.Json;
using Monitoring.Simulation.Recording;

/// <summary>
/// Seals a finished segment: gzip it to a temporary file, fsync, rename to <c>.seg.gz</c> (atomic), fsync the
/// folder, then delete the open file. A crash at any point leaves either the open file or a complete sealed
/// one (or both, and readers then take the sealed one), never a half-written segment under a segment name.
/// </summary>
internal static class SegmentSealer
{
    private const string TempSuffix = ".tmp";

    /// <summary>
    /// The sealed file is made durable a megabyte at a time. One fsync of the whole 15–20 MB file at the end
    /// held the recorder's appends behind it for 65–110 ms; in 1 MiB steps no wait while compressing passed
    /// 25 ms (measured with <c>Monitoring.Benchmarks seal-stall</c>, docs/performance.md).
    /// </summary>
    private const long SyncEveryBytes = 1024 * 1024;

    /// <summary>
    /// The open file is shortened this much at a time, with a short pause between steps, before it is deleted.
    /// Deleting all 64 MiB at once frees every block in one journal transaction, and ext4 held each fsync of
    /// the recorder behind it once per seal for 40–60 ms. Readers cope: SegmentParser reads the sealed file
    /// whenever one exists after it has read the open one.
    /// </summary>
    private const long ShortenStepBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan ShortenPause = TimeSpan.FromMilliseconds(2);

    /// <param name="syncEveryBytes">How much compressed output may wait for an fsync; the benchmark passes
    /// <see cref="long.MaxValue"/> to measure the seal as it was (one fsync at the end).</param>
    /// <param name="shortenStepBytes">How much the open file is shortened per step before it is deleted; the
    /// benchmark passes <see cref="long.MaxValue"/> to measure the deletion as it was (all at once).</param>
    public static void Seal(string openPath, FeedSummary? known, long syncEveryBytes = SyncEveryBytes, long shortenStepBytes = ShortenStepBytes)
    {
        if (!SegmentName.TryParse(openPath, out var open) || open.Sealed)
        {
            return;
        }

        var directory = Path.GetDirectoryName(openPath)!;
        var sealedPath = Path.Combine(directory, SegmentName.FileName(open.Host, open.Index, sealedSegment: true));
        if (!File.Exists(sealedPath))
        {
            var temp = sealedPath + TempSuffix;
            using (var source = new FileStream(openPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var target = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var gzip = new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true))
                {
                    CompressInSyncedSteps(source, gzip, target, syncEveryBytes);
                }

                target.Flush(flushToDisk: true);
            }

            File.Move(temp, sealedPath, overwrite: true);
            DirectorySync.Flush(directory);
        }

        var summary = known ?? FeedSummary.Scan(open);
        WriteSummary(Path.Combine(directory, open.BaseName + SegmentName.SummarySuffix), summary);
        DeleteInSteps(openPath, shortenStepBytes);
    }

    /// <summary>Only once the sealed file is durable: a reader of the open file then turns to the sealed one.</summary>
    private static void DeleteInSteps(string path, long stepBytes)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            for (var length = file.Length - stepBytes; length > 0; length -= stepBytes)
            {
                file.SetLength(length);
                Thread.Sleep(ShortenPause);
            }
        }
        catch (FileNotFoundException)
        {
            return; // already gone (a seal of the same leftover finished first), as File.Delete allows
        }

        File.Delete(path);
    }

    private static void CompressInSyncedSteps(FileStream source, GZipStream gzip, FileStream target, long syncEveryBytes)
    {
        var buffer = new byte[256 * 1024];
        long synced = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            gzip.Write(buffer, 0, read);
            if (target.Position - synced >= syncEveryBytes)
            {
                target.Flush(flushToDisk: true);
                synced = target.Position;
            }
        }
    }

    /// <summary>What a previous run left: open segments and temporaries of interrupted seals.</summary>
    public static IReadOnlyList<string> FindLeftovers(string recordingsRoot)
        => Directory.Exists(recordingsRoot)
            ? Directory.GetDirectories(recordingsRoot)
                .SelectMany(d => Directory.GetFiles(d, "*" + SegmentName.OpenSuffix).Concat(Directory.GetFiles(d, "*" + TempSuffix)))
                .ToList()
            : [];

    /// <summary>At start-up: seal the open segments a previous run left and drop temporaries of interrupted seals.</summary>
    public static void Recover(IReadOnlyList<string> leftovers, ILogger logger)
    {
        foreach (var path in leftovers)
        {
            try
            {
                if (path.EndsWith(TempSuffix, StringComparison.Ordinal))
                {
                    File.Delete(path);
                    continue;
                }

                if (!SegmentName.TryParse(path, out var segment) || !File.Exists(path))
                {
                    continue;
                }

                var summary = FeedSummary.Scan(segment);
                if (summary.Skipped > 0)
                {
                    logger.LogWarning("Recording segment {Path}: {Skipped} torn or corrupt record(s) after {Reports} reports; sealing it as it is", path, summary.Skipped, summary.ReportCount);
                }

                Seal(path, summary);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not seal recording segment {Path}; it stays readable as it is", path);
            }
        }
    }

    public static FeedSummary? ReadSummary(SegmentName segment)
    {
        var path = Path.Combine(Path.GetDirectoryName(segment.Path)!, segment.BaseName + SegmentName.SummarySuffix);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<FeedSummary>(File.ReadAllBytes(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteSummary(string path, FeedSummary summary)
    {
        var temp = path + TempSuffix;
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(summary));
        File.Move(temp, path, overwrite: true);
    }
}
