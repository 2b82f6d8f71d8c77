namespace Monitoring.LoadTests.Measurement;

using System.Globalization;
using Monitoring.LoadTests.Target;

/// <summary>
/// Samples the host's memory once a second: RSS from /proc/PID/status when the host is our child,
/// and the GC heap (and RSS otherwise) from GET /api/diagnostics/runtime.
/// </summary>
public sealed class RuntimeSampler(TargetClient target, int? processId, RunTimeline timeline)
{
    private readonly Lock _gate = new();
    private readonly List<(long AtUs, double RssMb)> _rss = [];

    public double? PeakRssMb { get; private set; }

    public double? PeakGcHeapMb { get; private set; }

    public double? FirstRssMb { get; private set; }

    public double? LastRssMb { get; private set; }

    public double? LastGcHeapMb { get; private set; }

    public int? LastGen2 { get; private set; }

    public IReadOnlyList<(long AtUs, double RssMb)> Rss
    {
        get
        {
            lock (_gate)
            {
                return _rss.ToArray();
            }
        }
    }

    public async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        var sample = await target.RuntimeAsync(cancellationToken);
        var rss = processId is { } pid ? ReadProcRssMb(pid) : null;
        rss ??= sample?.RssMb;
        var now = timeline.NowMicroseconds;
        lock (_gate)
        {
            if (rss is { } r)
            {
                _rss.Add((now, r));
                FirstRssMb ??= r;
                LastRssMb = r;
                PeakRssMb = Math.Max(PeakRssMb ?? 0, r);
                timeline.At(now).RssMb = r;
            }

            if (sample?.GcHeapMb is { } heap)
            {
                LastGcHeapMb = heap;
                PeakGcHeapMb = Math.Max(PeakGcHeapMb ?? 0, heap);
                timeline.At(now).GcHeapMb = heap;
            }

            LastGen2 = sample?.Gen2 ?? LastGen2;
        }
    }

    /// <summary>Samples every second until cancelled (the run's own bounded lifetime ends it).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                await SampleOnceAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Soak growth: mean RSS of the last tenth of the run minus that of the second tenth (after warm-up).</summary>
    public double? GrowthMb(long runUs)
    {
        var rss = Rss;
        var early = rss.Where(s => s.AtUs >= runUs / 10 && s.AtUs < runUs / 5).Select(s => s.RssMb).ToArray();
        var late = rss.Where(s => s.AtUs >= runUs * 9 / 10 && s.AtUs <= runUs).Select(s => s.RssMb).ToArray();
        return early.Length == 0 || late.Length == 0 ? null : Math.Round(late.Average() - early.Average(), 1);
    }

    public static double? ReadProcRssMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return Math.Round(double.Parse(kb, CultureInfo.InvariantCulture) / 1024, 1);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
