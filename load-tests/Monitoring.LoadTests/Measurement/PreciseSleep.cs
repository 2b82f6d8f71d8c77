namespace Monitoring.LoadTests.Measurement;

using System.Runtime.InteropServices;

/// <summary>
/// Sleeps to within a few tens of microseconds on Linux (nanosleep, a high-resolution timer), where
/// Task.Delay and Thread.Sleep round to whole milliseconds and then wait for a thread. The open-loop sender
/// charges every microsecond it wakes late to the request it sends, so a coarse sleep is measurement error.
/// </summary>
internal static class PreciseSleep
{
    private static bool _nanosleep = OperatingSystem.IsLinux();

    public static void Microseconds(long microseconds)
    {
        if (microseconds <= 0)
        {
            return;
        }

        if (_nanosleep)
        {
            try
            {
                var request = new TimeSpec { Seconds = microseconds / 1_000_000, Nanoseconds = microseconds % 1_000_000 * 1000 };
                NanoSleep(ref request, IntPtr.Zero); // an early wake-up (a signal) only makes the caller look again
                return;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _nanosleep = false;
            }
        }

        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(microseconds / 1000.0)));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static extern int NanoSleep(ref TimeSpec request, IntPtr remaining);
}
