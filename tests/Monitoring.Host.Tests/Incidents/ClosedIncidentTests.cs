namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Grains.Incidents;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// A closed incident is history: it keeps its stored view (read, listed, after a restart too) and releases
/// everything else it held while open: its deadline registration, its timer and its activation.
/// </summary>
public sealed class ClosedIncidentTests
{
    [Fact]
    public async Task A_closed_incident_keeps_its_history_and_releases_its_deadline_timer_and_activation()
    {
        using var scratch = new ScratchDirectory();
        var dataDirectory = scratch.Path;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string incidentId, sector;
        await using (var h = await IncidentHarness.StartAsync(clock, dataDirectory))
        {
            var (deep, s, sensor) = h.PlaceAt(30_000, 400);
            var (north, _, _) = h.PlaceAt(30_000, -500);
            sector = s;
            var registry = h.App.Services.GetRequiredService<IDeadlineRegistry>();
            var scheduler = h.App.Services.GetRequiredService<DeadlineScheduler>();
            var t0 = DateTimeOffset.UtcNow.AddSeconds(-10);
            await h.ReportAsync("x-1", sensor, deep, t0, "t-closed");
            incidentId = (await h.IncidentOfAsync(sector, $"{sensor}/t-closed")).IncidentId;
            Assert.Contains(await registry.LoadAsync(), d => d.IncidentKey == incidentId); // confirm's deadline
            Assert.Equal(1, scheduler.ArmedCount);

            await h.ReportAsync("x-2", sensor, north, t0.AddSeconds(5), "t-closed");
            await h.WaitAsync(incidentId, v => IncidentHarness.Step(v, "resolve").State == StepStates.Due);
            var closed = await (await h.AckAsync("op-west", incidentId, "resolve")).Content.ReadFromJsonAsync<IncidentView>();
            Assert.Equal(IncidentStates.Closed, closed!.State);

            Assert.DoesNotContain(await registry.LoadAsync(), d => d.IncidentKey == incidentId);
            Assert.Equal(0, scheduler.ArmedCount);
            await NoActivationOfAsync(h, incidentId);

            // A read or a refused ack wakes it for that call only.
            Assert.Equal(IncidentStates.Closed, (await h.GetAsync(incidentId)).State);
            Assert.Equal(HttpStatusCode.Conflict, (await h.AckAsync("op-west", incidentId, "report")).StatusCode);
            await NoActivationOfAsync(h, incidentId);

            // Its old deadlines never fire: no escalation long after.
            h.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(300);
            Assert.Equal([AlertKinds.Crossed, AlertKinds.Returned], (await h.AlertsAsync(sector)).Select(a => a.Kind));
        }

        await using (var h = await IncidentHarness.StartAsync(clock, dataDirectory))
        {
            var view = await h.GetAsync(incidentId);
            Assert.Equal((IncidentStates.Closed, StepStates.Acked), (view.State, IncidentHarness.Step(view, "resolve").State));
            Assert.Equal(incidentId, Assert.Single(await h.ListAsync($"?status=closed&sector={sector}")).IncidentId);
            Assert.Empty(await h.ListAsync("?status=open"));
            Assert.Equal(0, h.App.Services.GetRequiredService<DeadlineScheduler>().ArmedCount);
            await NoActivationOfAsync(h, incidentId);
        }
    }

    /// <summary>Waits (real time, bounded) until the silo holds no activation of that incident.</summary>
    private static Task NoActivationOfAsync(IncidentHarness h, string incidentId)
    {
        var management = h.App.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        return IncidentHarness.UntilAsync(
            async () =>
            {
                var active = await management.GetDetailedGrainStatistics();
                return active.Any(a => a.GrainId.Key.ToString() == incidentId) ? null : active;
            },
            () => $"incident {incidentId} is still active");
    }
}
