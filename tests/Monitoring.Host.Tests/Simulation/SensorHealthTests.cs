namespace Monitoring.Host.Tests.Simulation;

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Recording;

/// <summary>Heartbeats (reports and POST .../heartbeat) and sensor-offline alerts, on a fake clock.</summary>
public sealed class SensorHealthTests
{
    [Fact]
    public async Task A_sensor_falling_silent_raises_exactly_one_sensor_offline_alert_per_silence()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new MonitoringApp(services: s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        using var reader = await ApiClients.ReaderAsync(app);
        var pushes = new ConcurrentQueue<JsonElement>();
        await using var console = await app.ConnectConsoleAsync(c => c.On<JsonElement>("sensorHealth", pushes.Enqueue));
        await console.InvokeAsync<JsonElement>("Subscribe", new[] { "S10" });

        // An accepted report is a heartbeat.
        var (lon, lat) = RecordingEndpointTests.SensorPosition(app, "seis-10a");
        using var sensor = app.SensorClient();
        var post = await sensor.PostAsync("/api/reports", Reports.Batch(Reports.Report("seis-10a:1", "seis-10a", lon, lat, clock.GetUtcNow(), "animal")));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var heard = await SensorAsync(reader, "seis-10a");
        Assert.Equal("online", heard.GetProperty("health").GetString());
        Assert.Equal(clock.GetUtcNow(), heard.GetProperty("lastHeartbeatAt").GetDateTimeOffset());
        Assert.Equal("unknown", (await SensorAsync(reader, "seis-10b")).GetProperty("health").GetString());

        await AdvanceAsync(clock, TimeSpan.FromSeconds(55));
        Assert.Empty(await OfflineAlertsAsync(reader));

        await AdvanceAsync(clock, TimeSpan.FromSeconds(15));
        var alert = Assert.Single(await WaitForOfflineAlertsAsync(reader, 1));
        Assert.Equal("seis-10a", alert.GetProperty("sensorId").GetString());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal("S10", alert.GetProperty("sectorId").GetString());
        Assert.Equal("offline", (await SensorAsync(reader, "seis-10a")).GetProperty("health").GetString());
        await Poll.UntilAsync(() => pushes.Any(p => p.GetProperty("sensorId").GetString() == "seis-10a" && p.GetProperty("health").GetString() == "offline"), TimeSpan.FromSeconds(10), () => "no offline push of seis-10a");

        await AdvanceAsync(clock, TimeSpan.FromSeconds(180));
        Assert.Single(await OfflineAlertsAsync(reader));

        // Back (a heartbeat), then silent again: a second silence, a second alert.
        var beat = await sensor.PostAsync("/api/sensors/seis-10a/heartbeat", null);
        Assert.Equal(HttpStatusCode.Accepted, beat.StatusCode);
        Assert.Equal("online", (await SensorAsync(reader, "seis-10a")).GetProperty("health").GetString());
        await AdvanceAsync(clock, TimeSpan.FromSeconds(70));
        Assert.Equal(2, (await WaitForOfflineAlertsAsync(reader, 2)).Length);
        await Poll.UntilAsync(() => pushes.Any(p => p.GetProperty("health").GetString() == "online"), TimeSpan.FromSeconds(10), () => "no online push");
    }

    [Fact]
    public async Task The_heartbeat_endpoint_takes_the_sensor_key_and_knows_the_catalogue()
    {
        await using var app = new MonitoringApp();
        await app.StartAsync();
        using var anonymous = app.CreateClient();
        using var sensor = app.SensorClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sensors/rdr-10/heartbeat", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sensor.PostAsync("/api/sensors/rdr-999/heartbeat", null)).StatusCode);
        var ok = await sensor.PostAsync("/api/sensors/rdr-10/heartbeat", null);
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("rdr-10", "online"), (body.GetProperty("sensorId").GetString(), body.GetProperty("health").GetString()));
    }

    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by)
    {
        // In check-period steps, giving the monitor's loop a moment to run after each.
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(5))
        {
            clock.Advance(left < TimeSpan.FromSeconds(5) ? left : TimeSpan.FromSeconds(5));
            await Task.Delay(40);
        }

        await Task.Delay(200);
    }

    private static async Task<JsonElement> SensorAsync(HttpClient reader, string id)
        => JsonDocument.Parse(await reader.GetStringAsync($"/api/sensors/{id}")).RootElement;

    private static async Task<JsonElement[]> OfflineAlertsAsync(HttpClient reader)
        => JsonDocument.Parse(await reader.GetStringAsync("/api/alerts?sector=S10")).RootElement.EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "sensor-offline").ToArray();

    private static async Task<JsonElement[]> WaitForOfflineAlertsAsync(HttpClient reader, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var alerts = await OfflineAlertsAsync(reader);
            if (alerts.Length >= count || DateTime.UtcNow > deadline)
            {
                return alerts;
            }

            await Task.Delay(50);
        }
    }
}
