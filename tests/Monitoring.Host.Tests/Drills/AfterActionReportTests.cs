namespace Monitoring.Host.Tests.Drills;

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Drills;
using Monitoring.Simulation.Scenarios;

/// <summary>domain.md "Drills": at the end, each step's time-to-ack against its deadline, and every escalation.</summary>
public sealed class AfterActionReportTests
{
    private static readonly Actor Operator = new("drill-op", [Roles.Operator], ["*"]);

    [Fact]
    public async Task An_acked_confirm_shows_its_time_to_ack_and_missed_steps_show_with_their_escalation()
    {
        await using var host = await DrillHost.StartAsync(WorkPartyWithdraws.Name);
        var grains = host.App.Services.GetRequiredService<IClusterClient>();
        using var client = await host.App.ClientFor("drill"); // signed in before the host clock moves on
        var drillId = await host.StartDrillAsync(1);
        string? acked = null;

        // In virtual time: the first incident's confirm is acknowledged 10 drill seconds after it became due.
        var status = await host.DriveAsync(drillId, async _ =>
        {
            if (acked is not null)
            {
                return;
            }

            var open = await grains.GetGrain<IIncidentIndexGrain>(IncidentKeys.IndexKey(drillId)).List(true, null);
            if (open.Length == 0)
            {
                return;
            }

            var view = (await grains.GetGrain<IIncidentGrain>(open[0].IncidentId).GetView())!;
            var confirm = view.Steps.Single(s => s.StepId == "confirm");
            var now = (await host.StatusAsync(drillId))!.Clock;
            if (confirm.DueAt is { } due && now >= due + TimeSpan.FromSeconds(10))
            {
                var result = await grains.GetGrain<IIncidentGrain>(view.IncidentId).Acknowledge("confirm", Operator, "seen on camera");
                Assert.Equal(AckOutcome.Acked, result.Outcome);
                acked = view.IncidentId;
            }
        });

        Assert.Equal(DrillStates.Finished, status.State);
        Assert.NotNull(acked);
        var report = status.AfterAction!;
        var ackedIncident = report.Incidents.Single(i => i.IncidentId == acked);
        var confirmStep = ackedIncident.Steps.Single(s => s.StepId == "confirm");
        Assert.Equal("drill-op", confirmStep.AckedBy);
        Assert.InRange(confirmStep.TimeToAckS!.Value, 10, 60);
        Assert.Equal(60, confirmStep.DeadlineS);
        Assert.False(confirmStep.Missed);

        // Nobody acked the other incidents' confirm: missed, with its escalation.
        var missed = report.Incidents.Where(i => i.IncidentId != acked).SelectMany(i => i.Steps).Where(s => s.StepId == "confirm").ToArray();
        Assert.NotEmpty(missed);
        Assert.All(missed, s => Assert.True(s.Missed && s.Escalated && s.AckedAt is null));
        Assert.All(report.Incidents.Where(i => i.IncidentId != acked), i => Assert.Contains(i.Escalations, e => e.StepId == "confirm"));
        Assert.Equal(report.Incidents.Sum(i => i.Escalations.Count), report.Escalations);

        // The same over HTTP, and as Markdown next to the data.
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/drills/{drillId}");
        Assert.Equal("finished", json.GetProperty("state").GetString());
        Assert.Equal(1.0, json.GetProperty("progress").GetDouble());
        Assert.Equal(report.Incidents.Count, json.GetProperty("afterAction").GetProperty("incidents").GetArrayLength());
        var markdown = await File.ReadAllTextAsync(Path.Combine(host.App.DataDirectory, "drills", drillId + ".md"));
        Assert.Contains("| `confirm` | acked |", markdown, StringComparison.Ordinal);
        Assert.Contains("**missed, escalated**", markdown, StringComparison.Ordinal);
        Assert.Contains("escalation: step `confirm`", markdown, StringComparison.Ordinal);
    }
}
