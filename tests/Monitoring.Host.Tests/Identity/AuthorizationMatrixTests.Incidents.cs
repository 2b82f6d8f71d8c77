namespace Monitoring.Host.Tests.Identity;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Host.Tests.Drills;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>The incident rows of the table: listing, reading and acknowledging (HTTP and hub).</summary>
public sealed partial class AuthorizationMatrixTests
{
    private async Task ListIncidents(string user, string cell)
    {
        Assert.Equal("filtered", cell);
        var own = await host.IncidentInAsync(Own);
        var other = await host.IncidentInAsync(Other);
        using var http = await host.App.ClientFor(user);
        var listed = (await http.GetFromJsonAsync<JsonElement[]>("/api/incidents"))!;
        Assert.All(listed, i => Assert.Contains(i.GetProperty("sectorId").GetString(), TestUsers.Get(user).Sectors));
        Assert.Contains(listed, i => i.GetProperty("incidentId").GetString() == own);
        Assert.DoesNotContain(listed, i => i.GetProperty("incidentId").GetString() == other);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement[]>($"/api/incidents?sector={Other}"))!);
    }

    /// <summary>
    /// A drill's list follows the live one's rule, whatever the role (not only drill-control): the drill's incidents
    /// in the user's sectors, none of the others. The drill's incidents are mostly outside S01–S10, so the filter
    /// has something to leave out.
    /// </summary>
    private async Task ListDrillIncidents(string user, string cell)
    {
        Assert.Equal("filtered", cell);
        var drillId = await host.FinishedDrillAsync();
        var sectors = TestUsers.Get(user).Sectors;
        var all = (await DrillTrace.IncidentsAsync(host.App, drillId)).OrderBy(i => i.OpenedAt).ThenBy(i => i.IncidentId, StringComparer.Ordinal).ToArray(); // the list's order
        var outside = all.Where(i => !sectors.Contains(i.SectorId)).ToArray();
        Assert.NotEmpty(outside);

        using var http = await host.App.ClientFor(user);
        var listed = (await http.GetFromJsonAsync<JsonElement[]>($"/api/drills/{drillId}/incidents"))!.Select(i => i.GetProperty("incidentId").GetString()!).ToArray();
        Assert.Equal(all.Where(i => sectors.Contains(i.SectorId)).Select(i => i.IncidentId), listed);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement[]>($"/api/drills/{drillId}/incidents?sector={outside[0].SectorId}"))!);
    }

    private async Task ReadIncident(string user, string cell)
    {
        using var http = await host.App.ClientFor(user);
        foreach (var (sector, assigned) in new[] { (Own, true), (Other, false) })
        {
            var path = $"/api/incidents/{await host.IncidentInAsync(sector)}";
            if (Allows(cell, assigned))
            {
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
            }
            else
            {
                await AssertHttpDeniedAsync(await http.GetAsync(path), user, $"GET {path}");
            }
        }
    }

    /// <summary>
    /// Allowed means "not refused": 200, or 409 when the step is not due or already acked (authorization is
    /// decided first, so a refused caller always gets 403, whatever the step's state). Tried over HTTP and the hub.
    /// </summary>
    private async Task Ack(string stepId, string user, string cell)
    {
        using var http = await host.App.ClientFor(user);
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor(user));
        foreach (var (sector, assigned) in new[] { (Own, true), (Other, false) })
        {
            var incident = await host.IncidentInAsync(sector);
            var response = await http.PostAsJsonAsync($"/api/incidents/{incident}/steps/{stepId}/ack", new { note = (string?)null });
            HubException? hubFailure = null;
            try
            {
                await console.InvokeAsync<JsonElement>("AcknowledgeStep", incident, stepId, null);
            }
            catch (HubException e)
            {
                hubFailure = e;
            }

            if (Allows(cell, assigned))
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{user} ack {stepId} in {sector}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.True(hubFailure is null || !hubFailure.Message.Contains("403"), $"hub: {hubFailure?.Message}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.NotNull(hubFailure);
                Assert.Contains("403", hubFailure.Message);
                await host.WaitForAuditAsync(
                    e => e.Action == "auth.denied" && e.Actor == user && e.Subject is { } s && s.Contains(incident) && s.Contains(stepId),
                    $"{user} ack {stepId} of {incident}");
            }
        }
    }

    [Fact]
    public async Task Warning_shots_are_never_acknowledged_by_whoever_acknowledged_the_broadcast()
    {
        Assert.Equal("covered, second person", AuthorizationTable.Cell("ack-warning-shots", "duty-officer"));
        var incident = await host.OpenIncidentAsync(Own, "second-person");
        using var both = await host.App.ClientFor("op-duty");
        Assert.Equal(HttpStatusCode.OK, (await both.PostAsJsonAsync($"/api/incidents/{incident}/steps/confirm/ack", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await both.PostAsJsonAsync($"/api/incidents/{incident}/steps/warning-broadcast/ack", new { })).StatusCode);

        var self = await both.PostAsJsonAsync($"/api/incidents/{incident}/steps/warning-shots/ack", new { });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        await host.WaitForAuditAsync(e => e.Action == "auth.denied" && e.Actor == "op-duty" && e.Subject!.Contains(incident), "op-duty warning-shots");

        using var second = await host.App.ClientFor("duty-west");
        var other = await second.PostAsJsonAsync($"/api/incidents/{incident}/steps/warning-shots/ack", new { });
        Assert.NotEqual(HttpStatusCode.Forbidden, other.StatusCode); // 409 until it is due: a second person may
    }
}
