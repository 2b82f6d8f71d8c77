namespace Monitoring.Host.Diagnostics;

/// <summary>GET /api/diagnostics/runtime: this process's memory, collections and thread pool (for soak tests and operators).</summary>
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
    double UptimeS)
{
    public static RuntimeDiagnostics Now()
    {
        const double Mb = 1024 * 1024;
        var gc = GC.GetGCMemoryInfo();
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
            Math.Round((DateTime.UtcNow - System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds, 1));
    }
}
