namespace Monitoring.Host.Diagnostics;

using System.Runtime.InteropServices;

/// <summary>
/// Caps glibc's malloc arenas, as <c>MALLOC_ARENA_MAX</c> does. glibc gives threads that allocate natively
/// (SQLite's page caches and statements, zlib's seals) arenas of their own, up to 8 per core, and what one
/// arena frees the others never reuse. In a 30-minute soak the arenas kept growing to the end (143 → 186 MB
/// over the measured 10 minutes); in a soak with two arenas they held 78–97 MB throughout, and ingest at
/// 100,000/s was no slower (docs/performance.md section 9). An operator's own
/// <c>MALLOC_ARENA_MAX</c> wins: glibc has read it at start, and this leaves it alone.
/// </summary>
internal static class MallocArenas
{
    public const int Default = 2;

    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>True when the cap was set (Linux with glibc, no MALLOC_ARENA_MAX in the environment).</summary>
    public static bool Limit(int arenas = Default)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMaxParameter, arenas) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no arenas to cap)
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
