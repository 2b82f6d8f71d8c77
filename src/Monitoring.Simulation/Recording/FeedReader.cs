namespace Monitoring.Simulation.Recording;

/// <summary>
/// Streams a recording (a folder of segments, docs/recording.md) in order: each host's segments in index
/// order, hosts merged by the time their batches were accepted. Damaged records are skipped and counted
/// in <see cref="SkippedRecords"/>; the records around them are still read.
/// </summary>
public sealed class FeedReader(string recordingDirectory)
{
    private int _skipped;

    public string Directory { get; } = recordingDirectory;

    public string Name => Path.GetFileName(Directory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>Torn or corrupt records skipped so far by this reader's enumerations.</summary>
    public int SkippedRecords => Volatile.Read(ref _skipped);

    public IEnumerable<RecordedBatch> ReadBatches()
    {
        var perHost = SegmentName.List(Directory)
            .GroupBy(s => s.Host, StringComparer.Ordinal)
            .Select(g => g.SelectMany(s => SegmentParser.Read(s, Skip)).GetEnumerator())
            .ToList();
        try
        {
            // k-way merge; with one host (the usual case) it is a plain sequential read.
            var queue = new PriorityQueue<IEnumerator<RecordedBatch>, (DateTimeOffset, int)>();
            for (var i = 0; i < perHost.Count; i++)
            {
                if (perHost[i].MoveNext())
                {
                    queue.Enqueue(perHost[i], (perHost[i].Current.RecordedAt, i));
                }
            }

            while (queue.TryDequeue(out var next, out var key))
            {
                yield return next.Current;
                if (next.MoveNext())
                {
                    queue.Enqueue(next, (next.Current.RecordedAt, key.Item2));
                }
            }
        }
        finally
        {
            foreach (var e in perHost)
            {
                e.Dispose();
            }
        }
    }

    public IEnumerable<RecordedReport> ReadReports()
        => ReadBatches().SelectMany(b => b.Reports.Select(r => new RecordedReport(b.RecordedAt, r)));

    /// <summary>The recordings under a recordings root, oldest first (names sort by start time).</summary>
    public static IReadOnlyList<FeedReader> ListRecordings(string recordingsRoot)
        => System.IO.Directory.Exists(recordingsRoot)
            ? System.IO.Directory.GetDirectories(recordingsRoot).Order(StringComparer.Ordinal).Select(d => new FeedReader(d)).ToList()
            : [];

    private void Skip() => Interlocked.Increment(ref _skipped);
}
