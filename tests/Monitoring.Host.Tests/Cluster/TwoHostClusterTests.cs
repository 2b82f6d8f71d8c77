namespace Monitoring.Host.Tests.Cluster;

using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// Cluster mode for real: a redis-server on a free loopback port and two hosts, each with its own silo
/// and gateway ports. A report posted to host A reaches a console connected to host B.
/// </summary>
public sealed class TwoHostClusterTests
{
    [Fact]
    public async Task A_report_posted_to_host_A_reaches_a_console_on_host_B()
    {
        await using var redis = await RedisServer.StartAsync();
        var cluster = new Dictionary<string, string?>
        {
            ["Monitoring:Redis"] = redis.ConnectionString,
            ["Monitoring:ClusterId"] = "test-cluster",
            ["Monitoring:ServiceId"] = "test-service",
        };
        await using var hostA = new MonitoringApp(settings: cluster);
        await using var hostB = new MonitoringApp(settings: cluster);
        await hostA.StartAsync();
        await hostB.StartAsync();

        var mdl = hostB.Services.GetRequiredService<MdlSnapshots>().Require();
        var crossing = Positions.AtDepth(mdl, 80_000, 300) ?? throw new InvalidOperationException("no crossing point");
        var sectorId = Positions.SectorOf(mdl, crossing);

        // Signed in on host A, used on host B: the hosts share the signing key, as a cluster must.
        await using var consoleOnB = await hostB.ConnectConsoleAsync(await hostA.TokenFor("observer"));
        var inbox = new AlertInbox(consoleOnB);
        await consoleOnB.InvokeAsync<object>("Subscribe", new[] { sectorId });

        // Several sectors' worth of tracks, so the sector grains land on both silos.
        var sensors = hostA.SensorClient();
        var response = await sensors.PostAsync("/api/reports", Reports.Batch(
            Reports.Report("cl-1", $"rdr-{sectorId[1..]}", crossing.Lon, crossing.Lat, DateTimeOffset.UtcNow.AddSeconds(-1), trackId: "cluster-track")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var alerts = await inbox.WaitForAsync(a => a.Count > 0, TimeSpan.FromSeconds(20));
        var alert = Assert.Single(alerts);
        Assert.Equal("crossed", alert.Kind);
        Assert.Equal(sectorId, alert.SectorId);
        Assert.Equal(1, alert.Seq);

        // Both hosts see the same sector state (one grain in the cluster).
        var fromB = await consoleOnB.InvokeAsync<Monitoring.Contracts.Alerts.Alert[]>("GetAlertsSince", sectorId, 0L);
        Assert.Equal(alerts, fromB);
    }
}
