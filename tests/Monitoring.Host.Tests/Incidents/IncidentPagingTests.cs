namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Contracts.Incidents;

/// <summary>
/// docs/api.md "Incidents" (extension): GET /api/incidents pages with limit, after and order=desc, and links the
/// next page (RFC 8288); without them it answers the whole list as before. See <see cref="IncidentPagingHost"/>.
/// </summary>
public sealed partial class IncidentPagingTests(IncidentPagingHost host) : IClassFixture<IncidentPagingHost>
{
    [Fact]
    public async Task Without_paging_parameters_the_whole_list_comes_oldest_first_and_unlinked_as_before()
    {
        var all = await GetAsync("duty1", "/api/incidents");
        Assert.Equal(Ids(host.Incidents), Ids(all.Items));
        Assert.Null(all.Next);

        Assert.Equal(Ids(host.Incidents.Where(i => i.State == IncidentStates.Closed)), Ids((await GetAsync("duty1", "/api/incidents?status=closed")).Items));
        Assert.Equal(Ids(host.Incidents.Where(i => i.State == IncidentStates.Open && i.SectorId == "S10")), Ids((await GetAsync("duty1", "/api/incidents?status=open&sector=S10")).Items));
        Assert.Equal(Ids(host.Incidents.Where(i => IncidentPagingHost.WestSectors.Contains(i.SectorId))), Ids((await GetAsync("op-west", "/api/incidents")).Items));

        // A limit the list fits in: one page, no link.
        var fits = await GetAsync("duty1", "/api/incidents?limit=16");
        Assert.Equal(Ids(host.Incidents), Ids(fits.Items));
        Assert.Null(fits.Next);
    }

    [Theory]
    [InlineData("", 3)]
    [InlineData("status=closed", 2)]
    [InlineData("status=open", 1)]
    [InlineData("sector=S11", 2)]
    [InlineData("status=closed&sector=S09", 1)]
    [InlineData("status=closed&order=desc", 4)]
    [InlineData("order=desc&sector=S12", 3)]
    public async Task Pages_walk_the_whole_list_in_order_with_no_gap_or_duplicate_following_the_link(string filters, int limit)
    {
        var expected = Expected(host.Incidents, filters);
        Assert.True(expected.Length > limit, "the walk should take several pages");
        var pages = await WalkAsync("duty1", $"/api/incidents?{filters}&limit={limit}");

        Assert.Equal(Ids(expected), pages.SelectMany(p => Ids(p.Items)));
        Assert.All(pages[..^1], p => Assert.Equal(limit, p.Items.Length));
        Assert.InRange(pages[^1].Items.Length, 1, limit);
        Assert.Null(pages[^1].Next);
        foreach (var filter in filters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.All(pages[..^1], p => Assert.Contains(filter, p.Next));
        }

        // The unpaged list in the same order is the same list.
        Assert.Equal(Ids(expected), Ids((await GetAsync("duty1", $"/api/incidents?{filters}")).Items));
    }

    [Fact]
    public async Task Newest_first_starts_with_the_latest_closed_incidents()
    {
        var closed = host.Incidents.Where(i => i.State == IncidentStates.Closed).ToArray();
        var first = await GetAsync("duty1", "/api/incidents?status=closed&order=desc&limit=2");
        Assert.Equal(Ids(closed.Reverse().Take(2)), Ids(first.Items));
        Assert.Equal($"/api/incidents?status=closed&order=desc&limit=2&after={first.Items[^1].IncidentId}", first.Next);
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("status=closed", 2)]
    [InlineData("status=open", 1)]
    [InlineData("order=desc", 3)]
    public async Task A_caller_who_covers_some_sectors_gets_full_pages_of_only_their_sectors(string filters, int limit)
    {
        var expected = Expected(host.Incidents, filters).Where(i => IncidentPagingHost.WestSectors.Contains(i.SectorId)).ToArray();
        Assert.True(expected.Length > limit, "the walk should take several pages");
        var pages = await WalkAsync("op-west", $"/api/incidents?{filters}&limit={limit}");

        // Cut before the coverage filter, a page would lose the S11 and S12 incidents between these and be short.
        Assert.Equal(Ids(expected), pages.SelectMany(p => Ids(p.Items)));
        Assert.All(pages[..^1], p => Assert.Equal(limit, p.Items.Length));
        Assert.All(pages.SelectMany(p => p.Items), i => Assert.Contains(i.SectorId, IncidentPagingHost.WestSectors));
    }

    [Fact]
    public async Task A_sector_the_caller_does_not_cover_lists_empty_and_its_incidents_are_no_cursor_for_them()
    {
        var page = await GetAsync("op-west", "/api/incidents?sector=S11&limit=2");
        Assert.Empty(page.Items);
        Assert.Null(page.Next);

        var s11 = host.Incidents.First(i => i.SectorId == "S11").IncidentId;
        await AssertRefusedAsync("op-west", $"after={s11}", "after");
        Assert.NotEmpty((await GetAsync("duty1", $"/api/incidents?after={s11}")).Items);
    }

    [Fact]
    public async Task A_cursor_keeps_its_place_after_its_incident_left_the_list()
    {
        // An open incident that closed while a caller paged the open list still marks where the walk was.
        var closed = host.Incidents.First(i => i.State == IncidentStates.Closed);
        var page = await GetAsync("duty1", $"/api/incidents?status=open&after={closed.IncidentId}");
        var expected = host.Incidents.SkipWhile(i => i != closed).Skip(1).Where(i => i.State == IncidentStates.Open);
        Assert.Equal(Ids(expected), Ids(page.Items));
    }

    [Fact]
    public async Task Only_the_incidents_of_the_page_are_woken()
    {
        host.ResetWoken();
        var first = await GetAsync("duty1", "/api/incidents?status=closed&order=desc&limit=3");
        Assert.Equal(Ids(first.Items).Order(), host.Woken.Order());

        host.ResetWoken();
        var second = await GetAsync("duty1", first.Next!);
        Assert.Equal(Ids(second.Items).Order(), host.Woken.Order());
        Assert.Equal(3, second.Items.Length);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=2.5", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("after=nonsense", "after")]
    [InlineData("after=", "after")]
    [InlineData("after=S09-2026-9999", "after")]
    [InlineData("after=drill-1/S09-2026-0001", "after")]
    [InlineData("order=up", "order")]
    public async Task A_bad_limit_after_or_order_answers_400_naming_the_field(string query, string field)
        => await AssertRefusedAsync("duty1", $"{query}&status=closed", field);

    [Fact]
    public async Task A_cursor_outside_the_sector_filter_answers_400_naming_after()
    {
        var s10 = host.Incidents.First(i => i.SectorId == "S10").IncidentId;
        await AssertRefusedAsync("duty1", $"sector=S09&limit=2&after={s10}", "after");
    }

    private static IncidentView[] Expected(IEnumerable<IncidentView> incidents, string filters)
    {
        var query = filters.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        var expected = incidents
            .Where(i => !query.TryGetValue("status", out var status) || i.State == status)
            .Where(i => !query.TryGetValue("sector", out var sector) || i.SectorId == sector);
        return (query.GetValueOrDefault("order") == "desc" ? expected.Reverse() : expected).ToArray();
    }

    private static IEnumerable<string> Ids(IEnumerable<IncidentView> incidents) => incidents.Select(i => i.IncidentId);

    private async Task AssertRefusedAsync(string user, string query, string field)
    {
        var response = await (await host.H.As(user)).GetAsync($"/api/incidents?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(field, Assert.Single(errors.EnumerateArray()).GetProperty("field").GetString());
    }

    /// <summary>Every page from the first, following rel="next" until a page has none.</summary>
    private async Task<List<Page>> WalkAsync(string user, string firstUrl)
    {
        var pages = new List<Page> { await GetAsync(user, firstUrl) };
        while (pages[^1].Next is { } next)
        {
            Assert.True(pages.Count < 50, "the walk does not end");
            pages.Add(await GetAsync(user, next));
        }

        return pages;
    }

    private async Task<Page> GetAsync(string user, string url)
    {
        var response = await (await host.H.As(user)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<IncidentView[]>())!; // a plain JSON array
        string? next = null;
        if (response.Headers.TryGetValues("Link", out var links))
        {
            next = NextLink().Match(Assert.Single(links)) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"not a next link: {links.Single()}");
        }

        return new Page(items, next);
    }

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    private sealed record Page(IncidentView[] Items, string? Next);
}
