namespace Monitoring.Host.Tests.Drills;

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Drills;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Ingestion;
using Monitoring.Simulation.Scenarios;

/// <summary>
/// GET /api/drills/{id}/incidents (docs/api.md, docs/drills.md): a drill controller lists a drill's incidents over
/// HTTP as GET /api/incidents lists the live ones (filters, paging with Link rel=next, only covered sectors); an id
/// that is no drill of this host is a 404 naming id.
/// </summary>
public sealed partial class DrillIncidentListTests
{
    [Fact]
    public async Task A_finished_drill_s_incidents_are_listed_filtered_and_paged_like_live_ones()
    {
        await using var host = await DrillHost.StartAsync();
        var drillId = await host.StartDrillAsync("max", to: ScenarioRecording.Start + TimeSpan.FromMinutes(10));
        Assert.Equal(DrillStates.Finished, (await host.WaitEndedAsync(drillId)).State);
        var all = InListOrder(await DrillTrace.IncidentsAsync(host.App, drillId)); // from the silo
        Assert.True(all.Select(i => i.SectorId).Distinct().Count() > 2, "the scenarios should open incidents in several sectors");
        using var controller = await host.App.ClientFor("drill");
        var path = $"/api/drills/{drillId}/incidents";

        // The whole list, in the live list's order, and only this drill's incidents; the live list has none of them.
        var listed = await GetAsync(controller, path);
        Assert.Equal(Ids(all), Ids(listed.Items));
        Assert.All(listed.Items, i => Assert.Equal(drillId, i.DrillId));
        Assert.Null(listed.Next);
        Assert.Empty(Ids((await GetAsync(controller, "/api/incidents")).Items).Intersect(Ids(all)));

        // The live list's filters.
        var sector = all[0].SectorId;
        Assert.Equal(Ids(all.Where(i => i.SectorId == sector)), Ids((await GetAsync(controller, $"{path}?sector={sector}")).Items));
        Assert.Equal(Ids(all.Where(i => i.State == IncidentStates.Open)), Ids((await GetAsync(controller, $"{path}?status=open")).Items));

        // Its paging: the links stay under the drill and walk the whole list; order=desc starts with the newest.
        var pages = new List<Page> { await GetAsync(controller, $"{path}?limit=2") };
        while (pages[^1].Next is { } next)
        {
            Assert.StartsWith($"{path}?limit=2&after={drillId}%2F", next, StringComparison.Ordinal);
            Assert.True(pages.Count < 50, "the walk does not end");
            pages.Add(await GetAsync(controller, next));
        }

        Assert.True(pages.Count > 1, "the walk should take several pages");
        Assert.Equal(Ids(all), pages.SelectMany(p => Ids(p.Items)));
        Assert.Equal(all[^1].IncidentId, Assert.Single((await GetAsync(controller, $"{path}?order=desc&limit=1")).Items).IncidentId);

        // Only the sectors a caller covers, whatever their role (docs/authorization.md: list-drill-incidents is
        // filtered): the operator of the disputed band's sector gets its incidents and none of the others.
        var band = ScenarioRecording.Scenarios(DisputedBandParty.Name).Single().SectorIds.Single();
        var user = TestUsers.Get("op-west").Sectors.Contains(band) ? "op-west" : "op-east";
        var sectors = TestUsers.Get(user).Sectors;
        using var operatorClient = await host.App.ClientFor(user);
        var own = all.Where(i => sectors.Contains(i.SectorId)).ToArray();
        Assert.NotEmpty(own);
        Assert.True(own.Length < all.Length, "the drill should have incidents this operator does not cover");
        Assert.Equal(Ids(own), Ids((await GetAsync(operatorClient, path)).Items));
        var notCovered = all.First(i => !sectors.Contains(i.SectorId)).SectorId;
        Assert.Empty((await GetAsync(operatorClient, $"{path}?sector={notCovered}")).Items);
    }

    [Fact]
    public async Task An_id_that_is_no_drill_of_this_host_is_a_404_naming_id_and_a_bad_query_a_400_naming_its_field()
    {
        await using var host = await DrillHost.StartAsync(QuietNight.Name);
        var drillId = await host.StartDrillAsync(1, paused: true); // known, opens nothing while paused
        using var controller = await host.App.ClientFor("drill");

        foreach (var id in new[] { "drill-0123456789", "live", "S05-2026-0001", "drill-", "drill-..", $"{drillId}x" })
        {
            var problem = await Problem.ReadAsync(await controller.GetAsync($"/api/drills/{Uri.EscapeDataString(id)}/incidents"), HttpStatusCode.NotFound);
            Assert.Equal("id", Assert.Single(problem.Errors).Field);
        }

        // A known drill without incidents: an empty list, not a 404.
        Assert.Empty((await GetAsync(controller, $"/api/drills/{drillId}/incidents")).Items);

        // The live list's checks: a bad filter, and a cursor that is no incident of this drill's list.
        foreach (var (query, field) in new[] { ("status=maybe", "status"), ("sector=S999", "sector"), ("limit=0", "limit"), ("order=up", "order"), ("after=S05-2026-0001", "after"), ($"after={drillId}%2FS05-2026-0001", "after") })
        {
            var problem = await Problem.ReadAsync(await controller.GetAsync($"/api/drills/{drillId}/incidents?{query}"), HttpStatusCode.BadRequest);
            Assert.Equal(field, Assert.Single(problem.Errors).Field);
        }

        Assert.Equal(DrillStates.Paused, (await host.StatusAsync(drillId))!.State);
    }

    /// <summary>The list's order (api.md): oldest first by openedAt, ties by incidentId.</summary>
    private static IncidentView[] InListOrder(IEnumerable<IncidentView> incidents)
        => incidents.OrderBy(i => i.OpenedAt).ThenBy(i => i.IncidentId, StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> Ids(IEnumerable<IncidentView> incidents) => incidents.Select(i => i.IncidentId);

    private static async Task<Page> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        var items = (await response.Content.ReadFromJsonAsync<IncidentView[]>())!; // a plain JSON array, as the live list
        string? next = null;
        if (response.Headers.TryGetValues("Link", out var links))
        {
            var match = NextLink().Match(Assert.Single(links));
            Assert.True(match.Success, $"not a next link: {links.Single()}");
            next = match.Groups[1].Value;
        }

        return new Page(items, next);
    }

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    private sealed record Page(IncidentView[] Items, string? Next);
}
