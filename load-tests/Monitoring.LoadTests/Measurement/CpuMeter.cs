namespace Monitoring.LoadTests.Measurement;

using System.Diagnostics;
using Monitoring.LoadTests.Target;

/// <summary>
/// The CPU the host and this generator used over the measured part of a run, in cores (CPU-seconds per second).
/// On one machine the two share the cores, and the host's latency grows as the machine fills, so a change that
/// saves the host CPU shows here first, with far less spread between runs than a p99. A self-hosted host's
/// figure is read from its process, so any build can be measured (--host-dll); a remote target's comes from its
/// GET /api/diagnostics/runtime (cpuS), and is null when it has no diagnostics.
/// </summary>
public sealed class CpuMeter
{
    private readonly TargetClient _target;
    private readonly int? _hostProcessId;
    private readonly double? _hostStartS;
    private readonly TimeSpan _generatorStart;
    private readonly long _startedAt;

    private CpuMeter(TargetClient target, int? hostProcessId, double? hostStartS, TimeSpan generatorStart, long startedAt)
    {
        _target = target;
        _hostProcessId = hostProcessId;
        _hostStartS = hostStartS;
        _generatorStart = generatorStart;
        _startedAt = startedAt;
    }

    public static async Task<CpuMeter> StartAsync(TargetClient target, int? hostProcessId, CancellationToken cancellationToken)
    {
        var host = await HostCpuAsync(target, hostProcessId, cancellationToken);
        return new CpuMeter(target, hostProcessId, host, GeneratorCpu(), Stopwatch.GetTimestamp());
    }

    /// <summary>CPU-seconds used since the start, by the host (null without its diagnostics) and by this tool, and the seconds elapsed.</summary>
    public async Task<(double? HostS, double GeneratorS, double ElapsedS)> StopAsync(CancellationToken cancellationToken)
    {
        var generator = GeneratorCpu() - _generatorStart;
        var host = await HostCpuAsync(_target, _hostProcessId, cancellationToken);
        var elapsedS = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        double? hostS = host is { } end && _hostStartS is { } start ? end - start : null;
        return (hostS, generator.TotalSeconds, elapsedS);
    }

    private static async Task<double?> HostCpuAsync(TargetClient target, int? processId, CancellationToken cancellationToken)
    {
        if (processId is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return process.TotalProcessorTime.TotalSeconds;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                return null; // the host has exited
            }
        }

        return (await target.RuntimeAsync(cancellationToken))?.CpuS;
    }

    private static TimeSpan GeneratorCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
