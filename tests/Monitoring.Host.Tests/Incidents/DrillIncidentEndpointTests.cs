namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Drills;
using Monitoring.Host.Tests.Drills;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Ingestion;
using Monitoring.Simulation.Scenarios;

/// <summary>
/// A drill incident over HTTP. Its id holds a '/' ("drill-…/S03-2026-0001"): a client sends it encoded as %2F
/// (encodeURIComponent) or raw. Both reach it, under the same rules as a live incident (docs/authorization.md:
/// read where covered, acknowledged by the roles of the step); an id that is no drill incident is a 404 naming id.
/// </summary>
public sealed class DrillIncidentEndpointTests
{
    [Fact]
    public async Task A_drill_incident_is_read_and_acknowledged_by_its_encoded_or_raw_id_while_the_drill_runs()
    {
        await using var host = await DrillHost.StartAsync(DisputedBandParty.Name);
        var sector = ScenarioRecording.Scenarios(DisputedBandParty.Name).Single().SectorIds.Single();
        var (operatorName, outsider) = TestUsers.Get("op-west").Sectors.Contains(sector) ? ("op-west", "op-east") : ("op-east", "op-west");
        Assert.Contains(sector, TestUsers.Get(operatorName).Sectors); // the scenario plays where one of our operators works

        // Signed in before the host clock moves on.
        using var operatorClient = await host.App.ClientFor(operatorName);
        using var outsiderClient = await host.App.ClientFor(outsider);
        using var controller = await host.App.ClientFor("drill");
        var grains = host.App.Services.GetRequiredService<IClusterClient>();
        var drillId = await host.StartDrillAsync(1);
        string? acked = null;

        // In virtual time: once an incident's confirm is due, the operator reads it and acknowledges it over HTTP.
        var status = await host.DriveAsync(drillId, async _ =>
        {
            if (acked is not null
                || (await grains.GetGrain<IIncidentIndexGrain>(IncidentKeys.IndexKey(drillId)).List(true, null)).FirstOrDefault() is not { } open)
            {
                return;
            }

            var id = open.IncidentId;
            Assert.StartsWith($"{drillId}/{sector}-", id, StringComparison.Ordinal);
            var encoded = Uri.EscapeDataString(id); // "drill-…%2FS03-2026-0001", as encodeURIComponent gives it
            Assert.Contains("%2F", encoded, StringComparison.Ordinal);

            var read = await operatorClient.GetAsync($"/api/incidents/{encoded}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var view = (await read.Content.ReadFromJsonAsync<IncidentView>())!;
            Assert.Equal((id, drillId, sector), (view.IncidentId, view.DrillId, view.SectorId));
            if (IncidentHarness.Step(view, "confirm").State != StepStates.Due)
            {
                return;
            }

            var ack = await operatorClient.PostAsJsonAsync($"/api/incidents/{encoded}/steps/confirm/ack", new { note = "seen on camera" });
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            var after = (await ack.Content.ReadFromJsonAsync<IncidentView>())!;
            Assert.Equal((StepStates.Acked, operatorName), (IncidentHarness.Step(after, "confirm").State, IncidentHarness.Step(after, "confirm").AckedBy));

            // The raw '/' reaches the same incident: report became due with the ack.
            var raw = (await operatorClient.GetFromJsonAsync<IncidentView>($"/api/incidents/{id}"))!;
            Assert.Equal(StepStates.Acked, IncidentHarness.Step(raw, "confirm").State);
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/incidents/{id}/steps/report/ack", new { note = (string?)null })).StatusCode);

            // The rules stay the live ones: another sector's operator is refused the read (403, naming sector); the
            // drill controller may read it (every sector) but acknowledges no step (its role is in none of them).
            var foreign = await Problem.ReadAsync(await outsiderClient.GetAsync($"/api/incidents/{encoded}"), HttpStatusCode.Forbidden);
            foreign.Names(null, "sector");
            Assert.Equal(HttpStatusCode.OK, (await controller.GetAsync($"/api/incidents/{encoded}")).StatusCode);
            var byController = await Problem.ReadAsync(await controller.PostAsJsonAsync($"/api/incidents/{encoded}/steps/warning-broadcast/ack", new { }), HttpStatusCode.Forbidden);
            byController.Names(null, "stepId");
            acked = id;
        });

        // The acknowledgements went into the drill: its after-action report has them.
        Assert.Equal(DrillStates.Finished, status.State);
        Assert.NotNull(acked);
        var steps = status.AfterAction!.Incidents.Single(i => i.IncidentId == acked).Steps;
        Assert.Equal(operatorName, steps.Single(s => s.StepId == "confirm").AckedBy);
        Assert.Equal(operatorName, steps.Single(s => s.StepId == "report").AckedBy);
        Assert.Null(steps.Single(s => s.StepId == "warning-broadcast").AckedBy);
    }

    [Fact]
    public async Task An_id_that_is_no_drill_incident_is_a_404_naming_id_whether_encoded_or_raw()
    {
        await using var host = await DrillHost.StartAsync(QuietNight.Name);
        var drillId = await host.StartDrillAsync(1, paused: true); // known, and stays as it is
        using var admin = await host.App.ClientFor("admin");
        string[] ids =
        [
            $"{drillId}%2FS05-2026-0001", // the drill has no such incident
            $"{drillId}%2fS05-2026-0001", // lower-case escape, the same
            $"{drillId}/S05-2026-0001", // raw
            "drill-0123456789%2FS05-2026-0001", // no such drill
            "drill-0123456789/S05-2026-0001",
            "live%2FS05-2026-0001", // not a drill id
            "%2FS05-2026-0001", // empty drill id
            $"{drillId}%2F", // no local id
            $"{drillId}%2FS05", // not an incident's local id
            $"{drillId}%2F{drillId}%2FS05-2026-0001", // two prefixes
            $"{drillId}%252FS05-2026-0001", // encoded twice: the server decodes %25 first, so the drill's '/' again
            $"{drillId}%2F..%2FS05-2026-0001",
            "S05-2026-0001/S05-2026-0001",
        ];

        foreach (var id in ids)
        {
            var read = await Problem.ReadAsync(await admin.GetAsync($"/api/incidents/{id}"), HttpStatusCode.NotFound);
            var ack = await Problem.ReadAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/steps/confirm/ack", new { note = "x" }), HttpStatusCode.NotFound);
            Assert.Equal("id", Assert.Single(read.Errors).Field);
            Assert.Equal("id", Assert.Single(ack.Errors).Field);
        }

        Assert.Equal(DrillStates.Paused, (await host.StatusAsync(drillId))!.State);
    }
}
