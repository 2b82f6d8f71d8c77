namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>A step past its deadline escalates on time (virtual), through the sector's gap-free seq, and stays ackable.</summary>
public sealed class EscalationTests
{
    [Fact]
    public async Task A_missed_confirm_escalates_at_exactly_60_s_and_stays_open_and_ackable()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (deep, sector, sensor) = h.PlaceAt(30_000, 400);
        var duty = await h.ConsoleAsync("duty1");
        var inbox = new AlertInbox(duty);
        await duty.InvokeAsync<object>("Subscribe", new[] { sector });
        var roleOnly = new AlertInbox(await h.ConsoleAsync("duty2")); // a duty officer of every sector, subscribed to nothing
        var opened = h.Clock.GetUtcNow();
        await h.ReportAsync("e-1", sensor, deep, DateTimeOffset.UtcNow.AddSeconds(-5), "t-missed");
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-missed");

        h.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(500);
        Assert.Single(await h.AlertsAsync(sector));
        Assert.Equal(StepStates.Due, IncidentHarness.Step(await h.GetAsync(incident.IncidentId), "confirm").State);

        h.Advance(TimeSpan.FromMilliseconds(1));
        var escalation = await IncidentHarness.UntilAsync(async () => (await h.AlertsAsync(sector)).FirstOrDefault(a => a.Kind == AlertKinds.Escalation));
        Assert.Equal((2L, Severities.Critical, incident.IncidentId, "confirm"), (escalation.Seq, escalation.Severity, escalation.IncidentId, escalation.StepId));
        Assert.Equal(opened.AddSeconds(60), escalation.DecidedAt);
        Assert.Contains("confirm", escalation.Note);
        await inbox.WaitForAsync(a => a.Any(x => x.Kind == AlertKinds.Escalation));
        Assert.Contains(inbox.Alerts, a => a.Kind == AlertKinds.Escalation && a.Seq == 2);
        var toRole = await roleOnly.WaitForAsync(a => a.Count > 0);
        Assert.Equal((AlertKinds.Escalation, 2L), (Assert.Single(toRole).Kind, toRole[0].Seq)); // the escalation only, not the crossing

        var overdue = await h.WaitAsync(incident.IncidentId, v => v.Escalations.Count == 1);
        Assert.Equal(StepStates.Overdue, IncidentHarness.Step(overdue, "confirm").State);
        Assert.Equal(("confirm", opened.AddSeconds(60), escalation.AlertId), (overdue.Escalations[0].StepId, overdue.Escalations[0].At, overdue.Escalations[0].AlertId));

        // Firing again (another silo, a retry) raises nothing new.
        h.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(300);

        // The seq goes on without a gap after the escalation.
        await h.ReportAsync("e-2", sensor, deep, DateTimeOffset.UtcNow.AddSeconds(-4), "t-other");
        var alerts = await IncidentHarness.UntilAsync(async () => await h.AlertsAsync(sector) is { Length: 3 } a ? a : null);
        Assert.Equal([1L, 2L, 3L], alerts.Select(a => a.Seq));

        // Still ackable, by the operator of the sector.
        var acked = await h.AckAsync("op-west", incident.IncidentId, "confirm", "late, radio down");
        Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        var view = await acked.Content.ReadFromJsonAsync<IncidentView>();
        Assert.Equal(StepStates.Acked, IncidentHarness.Step(view!, "confirm").State);
        Assert.Single(view!.Escalations);
    }

    [Fact]
    public async Task Deadlines_survive_the_incident_grain_being_deactivated()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (deep, sector, sensor) = h.PlaceAt(30_000, 400);
        var opened = h.Clock.GetUtcNow();
        await h.ReportAsync("d-1", sensor, deep, DateTimeOffset.UtcNow.AddSeconds(-5), "t-deact");
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-deact");
        h.Advance(TimeSpan.FromSeconds(30));

        var management = h.App.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        await IncidentHarness.UntilAsync(async () =>
        {
            var stats = await management.GetSimpleGrainStatistics();
            return stats.Any(s => s.GrainType.Contains("IncidentGrain", StringComparison.Ordinal) && s.ActivationCount > 0) ? null : stats;
        });

        h.Advance(TimeSpan.FromSeconds(30));
        var escalation = await IncidentHarness.UntilAsync(async () => (await h.AlertsAsync(sector)).FirstOrDefault(a => a.Kind == AlertKinds.Escalation));
        Assert.Equal((incident.IncidentId, opened.AddSeconds(60)), (escalation.IncidentId, escalation.DecidedAt));
    }

    [Fact]
    public async Task Deadlines_survive_a_host_restart()
    {
        var dataDirectory = MonitoringApp.NewDataDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        try
        {
            var opened = clock.GetUtcNow();
            string sector, incidentId;
            await using (var h = await IncidentHarness.StartAsync(clock, dataDirectory))
            {
                var (deep, s, sensor) = h.PlaceAt(30_000, 400);
                sector = s;
                await h.ReportAsync("r-1", sensor, deep, DateTimeOffset.UtcNow.AddSeconds(-5), "t-restart");
                incidentId = (await h.IncidentOfAsync(sector, $"{sensor}/t-restart")).IncidentId;
                h.Advance(TimeSpan.FromSeconds(30));
            }

            await using (var h = await IncidentHarness.StartAsync(clock, dataDirectory))
            {
                Assert.Equal(StepStates.Due, IncidentHarness.Step(await h.GetAsync(incidentId), "confirm").State);
                h.Advance(TimeSpan.FromSeconds(29));
                await Task.Delay(500);
                Assert.DoesNotContain(await h.AlertsAsync(sector), a => a.Kind == AlertKinds.Escalation);

                h.Advance(TimeSpan.FromSeconds(1));
                var escalation = await IncidentHarness.UntilAsync(async () => (await h.AlertsAsync(sector)).FirstOrDefault(a => a.Kind == AlertKinds.Escalation));
                Assert.Equal((incidentId, opened.AddSeconds(60), 2L), (escalation.IncidentId, escalation.DecidedAt, escalation.Seq));
                var view = await h.WaitAsync(incidentId, v => v.Escalations.Count == 1);
                Assert.Equal(StepStates.Overdue, IncidentHarness.Step(view, "confirm").State);
            }
        }
        finally
        {
            MonitoringApp.TryDelete(dataDirectory);
        }
    }
}
