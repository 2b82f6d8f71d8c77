namespace Monitoring.Host.Recording;

using System.Runtime.InteropServices;

/// <summary>
/// Runs bulk background work (sealing a 64 MiB segment is about half a second of gzip) on its own thread at
/// low CPU priority, so that on a busy host it takes the cores the request path leaves idle instead of a
/// share of them: at 100,000 reports/s a seal every few seconds was a visible step in accept latency.
/// On Linux the thread's nice value is raised to 10 (lowering one's own priority needs no privilege).
/// </summary>
internal static class LowPriorityWork
{
    private const int Nice = 10;

    public static Task Run(Action work, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // PRIO_PROCESS with a thread id sets that thread's nice value (Linux threads are tasks).
                _ = SetPriority(0, GetThreadId(), Nice);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc: the work still runs, at normal priority.
            }
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
    }

    // DllImport rather than LibraryImport: two blittable calls do not justify unsafe code in the host.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
