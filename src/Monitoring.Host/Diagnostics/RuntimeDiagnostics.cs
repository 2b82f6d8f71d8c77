namespace Monitoring.Host.Diagnostics;

/// <summary>
/// GET /api/diagnostics/runtime: this process's memory, collections, thread pool and CPU time (for load tests and
/// operators). CpuS is the CPU time used since start, user and kernel, over all cores: two readings give the cores used.
/// </summary>
public sealed record RuntimeDiagnostics(
    double RssMb,
    double GcHeapMb,
    double GcCommittedMb,
    int Gen0,
    int Gen1,
    int Gen2,
    int ThreadPoolThreads,
    long ThreadPoolPending,
    long ThreadPoolCompleted,
    double UptimeS,
    double CpuS)
{
    public static RuntimeDiagnostics Now()
    {
        const double Mb = 1024 * 1024;
        var gc = GC.GetGCMemoryInfo();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new RuntimeDiagnostics(
            Math.Round(Environment.WorkingSet / Mb, 1),
            Math.Round(GC.GetTotalMemory(forceFullCollection: false) / Mb, 1),
            Math.Round(gc.TotalCommittedBytes / Mb, 1),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount,
            ThreadPool.CompletedWorkItemCount,
            Math.Round((DateTime.UtcNow - process.StartTime.ToUniversalTime()).TotalSeconds, 1),
            Math.Round(process.TotalProcessorTime.TotalSeconds, 3));
    }
}
