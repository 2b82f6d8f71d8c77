namespace Monitoring.Benchmarks.Recording;

using System.Diagnostics;
using Monitoring.Contracts.Reports;
using Monitoring.Host.Recording;
using Monitoring.Simulation.Recording;

/// <summary>
/// How long the recorder's durable appends wait while a full segment is sealed beside them. Not a
/// BenchmarkDotNet benchmark: what matters is the tail of a concurrent appender, not the seal's own time.
/// Each round writes a 64 MiB segment of real records, then seals it while another thread appends a 2 KB
/// record and fsyncs every millisecond (as the recorder's group commit does under load). Three ways alternate:
/// one fsync of the whole sealed file at the end and the open file deleted at once (the first seal), fsyncs in
/// 1 MiB steps and the open file deleted at once (the seal before the open file was shortened in steps), and
/// the host's <see cref="SegmentSealer"/>.
/// Run: <c>dotnet run -c Release --project load-tests/Monitoring.Benchmarks -- seal-stall [--rounds N] [--dir DIR]</c>
/// </summary>
public static class SealStall
{
    private const long SegmentBytes = 64L * 1024 * 1024;

    public static int Run(string[] args)
    {
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var root = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault() ?? Path.Combine(Environment.CurrentDirectory, "seal-stall-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var ways = new (string Name, Action<string, FeedSummary> Seal)[]
            {
                ("whole-file fsync (before)", (path, summary) => SegmentSealer.Seal(path, summary, syncEveryBytes: long.MaxValue, shortenStepBytes: long.MaxValue)),
                ("delete at once (before)", (path, summary) => SegmentSealer.Seal(path, summary, shortenStepBytes: long.MaxValue)),
                ("SegmentSealer (now)", (path, summary) => SegmentSealer.Seal(path, summary)),
            };
            var waits = ways.ToDictionary(w => w.Name, _ => new List<double>());
            var index = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, seal) in ways) // alternated, so both see the same disk
                {
                    var (segment, summary) = WriteSegment(root, index++);
                    waits[name].AddRange(AppendWhile(root, () => seal(segment, summary)));
                }
            }

            Console.WriteLine($"append + fsync of 2 KB every 1 ms while a {SegmentBytes >> 20} MiB segment is sealed ({rounds} rounds each):");
            foreach (var (name, list) in waits)
            {
                list.Sort();
                Console.WriteLine($"  {name,-26} n={list.Count,5}  p50 {At(list, 0.5),6:F2}  p99 {At(list, 0.99),6:F2}  p99.9 {At(list, 0.999),6:F2}  max {list[^1],6:F2} ms");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * q))];

    private static (string Path, FeedSummary Summary) WriteSegment(string root, int index)
    {
        var directory = Path.Combine(root, "rec");
        var at = DateTimeOffset.UtcNow;
        using var writer = SegmentWriter.Create(directory, "bench", index, at);
        var random = new Random(index);
        for (var batch = 0; writer.Length < SegmentBytes; batch++)
        {
            var reports = Enumerable.Range(0, 100).Select(i => new SensorReport(
                $"lt-{batch:000000}-{i:000}", $"rdr-{random.Next(62):00}", at, 126 + random.NextDouble() * 3, 37.7 + random.NextDouble(), 15, ObjectClass.Person, 1, $"t{random.Next(10_000)}")).ToArray();
            writer.Write(FeedRecordFormat.Encode(reports, at), at, reports.Length);
        }

        writer.Flush(fsync: true);
        return (writer.Path, writer.Summary);
    }

    /// <summary>Append-and-fsync waits (ms) of a recorder-like writer while the action runs, plus 300 ms after.</summary>
    private static List<double> AppendWhile(string root, Action action)
    {
        var waits = new List<double>();
        var stop = false;
        var appender = new Thread(() =>
        {
            using var log = new FileStream(Path.Combine(root, "appender.log"), FileMode.Create, FileAccess.Write, FileShare.None, 4096);
            var record = new byte[2048];
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                log.Write(record);
                log.Flush(flushToDisk: true);
                waits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Thread.Sleep(1);
            }
        });
        appender.Start();
        Thread.Sleep(300);
        action();
        Thread.Sleep(300);
        Volatile.Write(ref stop, true);
        appender.Join();
        return waits;
    }
}
