namespace Monitoring.Host.Tests.Drills;

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Audit;
using Monitoring.Host.Drills;
using Monitoring.Host.Tests.Ingestion;
using Monitoring.Simulation.Scenarios;

/// <summary>
/// api.md: pause, resume and stop control a running drill. One that has finished or stopped refuses them (409 naming
/// id) and changes nothing, not even the audit log; pausing a paused drill or resuming a running one is a 200 that
/// changes nothing either.
/// </summary>
public sealed class DrillControlTests
{
    [Fact]
    public async Task A_finished_drill_refuses_pause_resume_and_stop_and_stays_as_it_was()
    {
        await using var host = await DrillHost.StartAsync(QuietNight.Name);
        using var client = await host.App.ClientFor("drill");
        var drillId = await host.StartDrillAsync("max");
        var finished = await host.WaitEndedAsync(drillId);
        Assert.Equal(DrillStates.Finished, finished.State);
        var audit = await AuditAsync(host, drillId);

        foreach (var (action, verb) in new[] { ("pause", "paused"), ("resume", "resumed"), ("stop", "stopped") })
        {
            var problem = await Problem.ReadAsync(await client.PostAsync($"/api/drills/{drillId}/{action}", null), HttpStatusCode.Conflict);
            Assert.Equal($"the drill has finished; it cannot be {verb}", problem.Names(null, "id").Reason);
        }

        var after = (await host.StatusAsync(drillId))!;
        Assert.Equal((DrillStates.Finished, finished.Clock, finished.Progress), (after.State, after.Clock, after.Progress));
        Assert.Equal(audit, await AuditAsync(host, drillId));
    }

    [Fact]
    public async Task A_running_drill_is_paused_and_resumed_once_each_way_and_a_stopped_one_refuses_every_control()
    {
        // At speed 1 on the host's fake clock, a resumed drill runs but does not move on: it stays running.
        await using var host = await DrillHost.StartAsync(QuietNight.Name);
        using var client = await host.App.ClientFor("drill");
        var drillId = await host.StartDrillAsync(1, paused: true);

        Assert.Equal("paused", await ControlAsync(client, drillId, "pause")); // already paused: nothing happens
        Assert.Equal("running", await ControlAsync(client, drillId, "resume"));
        Assert.Equal("running", await ControlAsync(client, drillId, "resume")); // already running: nothing happens
        Assert.Equal("paused", await ControlAsync(client, drillId, "pause"));
        Assert.Equal("paused", await ControlAsync(client, drillId, "pause"));
        Assert.Equal(new[] { "drill.started", "drill.resumed", "drill.paused" }, await AuditAsync(host, drillId));

        Assert.Equal("stopped", await ControlAsync(client, drillId, "stop"));
        var audit = await AuditAsync(host, drillId);
        Assert.Equal(new[] { "drill.started", "drill.resumed", "drill.paused", "drill.stop.requested", "drill.stopped" }, audit);

        foreach (var (action, verb) in new[] { ("pause", "paused"), ("resume", "resumed"), ("stop", "stopped") })
        {
            var problem = await Problem.ReadAsync(await client.PostAsync($"/api/drills/{drillId}/{action}", null), HttpStatusCode.Conflict);
            Assert.Equal($"the drill has stopped; it cannot be {verb}", problem.Names(null, "id").Reason);
        }

        Assert.Equal(DrillStates.Stopped, (await host.StatusAsync(drillId))!.State);
        Assert.Equal(audit, await AuditAsync(host, drillId));
    }

    [Fact]
    public async Task An_unknown_drill_is_a_404_naming_id_for_every_control()
    {
        await using var host = await DrillHost.StartAsync(QuietNight.Name);
        using var client = await host.App.ClientFor("drill");

        foreach (var action in new[] { "pause", "resume", "stop" })
        {
            var problem = await Problem.ReadAsync(await client.PostAsync($"/api/drills/drill-0123456789/{action}", null), HttpStatusCode.NotFound);
            problem.Names(null, "id");
        }
    }

    private static async Task<string?> ControlAsync(HttpClient client, string drillId, string action)
    {
        var response = await client.PostAsync($"/api/drills/{drillId}/{action}", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("state").GetString();
    }

    /// <summary>The actions of the drill's own audit entries (subject drill:{id}), in order.</summary>
    private static async Task<string[]> AuditAsync(DrillHost host, string drillId)
    {
        var records = await host.App.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 100_000);
        return records.Select(r => r.Entry).Where(e => e.Subject == $"drill:{drillId}").Select(e => e.Action).ToArray();
    }
}
