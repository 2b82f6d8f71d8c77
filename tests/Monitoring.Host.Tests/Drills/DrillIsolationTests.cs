namespace Monitoring.Host.Tests.Drills;

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alerts;
using Monitoring.Host.Drills;

/// <summary>domain.md "Drills": drill alerts reach only consoles that joined the drill; live sectors never move.</summary>
public sealed class DrillIsolationTests
{
    [Fact]
    public async Task A_live_console_gets_no_drill_alert_the_joined_console_gets_all_and_live_seqs_stay()
    {
        await using var host = await DrillHost.StartAsync();
        var live = new ConcurrentQueue<Alert>();
        var drill = new ConcurrentQueue<Alert>();
        await using var liveConsole = await host.App.ConnectConsoleAsync(await host.App.TokenFor("duty1"), c => c.On<Alert>("alert", live.Enqueue));
        await liveConsole.InvokeAsync<JsonElement>("Subscribe", new[] { "*" });
        await using var drillConsole = await host.App.ConnectConsoleAsync(await host.App.TokenFor("drill"), c => c.On<Alert>("alert", drill.Enqueue));
        var before = await LastSeqs(host);

        var drillId = await host.StartDrillAsync("max", paused: true);
        var joined = await drillConsole.InvokeAsync<string[]>("JoinDrill", drillId);
        Assert.NotEmpty(joined);
        await host.ResumeAsync(drillId);
        var status = await host.WaitEndedAsync(drillId);
        Assert.Equal(DrillStates.Finished, status.State);

        var all = await DrillTrace.AlertsAsync(host.App, drillId);
        Assert.Contains(all, a => a.Kind == AlertKinds.Crossed);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (drill.Count < all.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty(live);
        Assert.All(drill, a => Assert.Equal(drillId, a.DrillId));
        Assert.Equal(all.Select(a => a.AlertId).Order(StringComparer.Ordinal), drill.Select(a => a.AlertId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(before, await LastSeqs(host));
    }

    private static async Task<string> LastSeqs(DrillHost host)
    {
        using var client = await host.App.ClientFor("admin");
        var sectors = await client.GetFromJsonAsync<JsonElement>("/api/sectors");
        return string.Join(",", sectors.EnumerateArray().Select(s => $"{s.GetProperty("sectorId").GetString()}={s.GetProperty("lastSeq").GetInt64()}"));
    }
}
