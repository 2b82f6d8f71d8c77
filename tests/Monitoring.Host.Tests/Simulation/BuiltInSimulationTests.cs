namespace Monitoring.Host.Tests.Simulation;

using System.Text.Json;
using Monitoring.Host.Simulation;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>On by default in Development only; Monitoring:Simulation:Enabled forces it either way.</summary>
public sealed class BuiltInSimulationTests
{
    [Fact]
    public async Task Is_on_in_Development_and_feeds_through_ingestion_into_the_recording()
    {
        await using var app = new MonitoringApp(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Monitoring:Simulation:Enabled"] = null,
        });
        await app.StartAsync();
        Assert.True(app.Services.IsBuiltInSimulationOn());

        using var reader = await ApiClients.ReaderAsync(app);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long recorded = 0;
        string? health = null;
        while (DateTime.UtcNow < deadline && (recorded == 0 || health != "online"))
        {
            await Task.Delay(250);
            var recordings = JsonDocument.Parse(await reader.GetStringAsync("/api/recordings")).RootElement;
            recorded = recordings.EnumerateArray().Sum(r => r.GetProperty("reportCount").GetInt64());
            health = JsonDocument.Parse(await reader.GetStringAsync("/api/sensors/rdr-12")).RootElement.GetProperty("health").GetString();
        }

        Assert.True(recorded > 0, "no simulated report was recorded");
        Assert.Equal("online", health);
    }

    [Fact]
    public async Task Enabled_false_switches_it_off_in_Development()
    {
        await using var app = new MonitoringApp(settings: new Dictionary<string, string?> { ["environment"] = "Development", ["Monitoring:Simulation:Enabled"] = "false" });
        await app.StartAsync();

        Assert.False(app.Services.IsBuiltInSimulationOn());
    }

    [Fact]
    public async Task Is_off_in_other_environments_unless_enabled()
    {
        await using (var app = new MonitoringApp(settings: new Dictionary<string, string?> { ["Monitoring:Simulation:Enabled"] = null }))
        {
            await app.StartAsync();
            Assert.False(app.Services.IsBuiltInSimulationOn());
        }

        await using var forced = new MonitoringApp(settings: new Dictionary<string, string?> { ["Monitoring:Simulation:Enabled"] = "true" });
        await forced.StartAsync();
        Assert.True(forced.Services.IsBuiltInSimulationOn());
    }
}
