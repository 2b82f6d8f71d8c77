namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>A data directory one test keeps across host restarts, deleted when the test ends (pass or fail).</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = MonitoringApp.NewDataDirectory();

    public void Dispose() => MonitoringApp.TryDelete(Path);
}
