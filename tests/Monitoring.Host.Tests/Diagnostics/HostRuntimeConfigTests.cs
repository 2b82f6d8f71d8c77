namespace Monitoring.Host.Tests.Diagnostics;

using System.Text.Json;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The built host carries the GC settings that keep it within its memory budget (docs/performance.md
/// sections 8 and 15), so an engineer who runs it gets them without setting anything.
/// </summary>
public sealed class HostRuntimeConfigTests
{
    [Fact]
    public void The_built_host_ships_its_gc_settings()
    {
        var path = Path.Combine(RepositoryPaths.HostDirectory, "Monitoring.Host.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(16 * 1024 * 1024, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
        Assert.Equal(16 * 1024 * 1024, properties.GetProperty("System.GC.Gen1MaxBudget").GetInt64());
        Assert.Equal(256 * 1024, properties.GetProperty("System.GC.LOHThreshold").GetInt64());
    }
}
