namespace Monitoring.Host.Tests.Drills;

using Monitoring.Simulation.Scenarios;

/// <summary>The fixture cleans up after itself: every drill test wrote a recording and a silo's storage that stayed in the temp folder.</summary>
public sealed class DrillHostTests
{
    [Fact]
    public async Task Disposing_a_drill_host_deletes_its_data_directory()
    {
        var host = await DrillHost.StartAsync(QuietNight.Name);
        var data = host.App.DataDirectory;
        Assert.True(Directory.Exists(data));

        await host.DisposeAsync();

        Assert.False(Directory.Exists(data), $"{data} is left behind");
    }
}
