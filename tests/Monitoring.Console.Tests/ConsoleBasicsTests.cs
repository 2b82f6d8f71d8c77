namespace Monitoring.Console.Tests;

using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using Monitoring.Console.Tests.Infrastructure;
using Xunit.Abstractions;

/// <summary>Sign-in, the map, a live crossing in the list and on the map, sector isolation, no foreign requests.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleBasicsTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ConsoleServer.TryDelete(_server.DataDirectory);
    }

    [Fact]
    public async Task The_page_loads_without_a_token_and_the_api_needs_one()
    {
        using var http = _server.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dist/console.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dist/console.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/data/korea-basemap-naturalearth-10m.geojson")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/mdl")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_picks_the_users_own_sectors_and_draws_the_whole_line()
    {
        await using var console = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Operators);
        var page = console.Page;

        Assert.Contains("op-many", await page.InnerTextAsync("#user"));
        Assert.Equal("S10 S11 S12 S13", await page.InnerTextAsync("#sectors"));
        await page.WaitForFunctionAsync("() => window.monitoringConsole.markers === 1292");
        Assert.Contains("Natural Earth", await page.InnerTextAsync(".leaflet-control-attribution"));
        var legend = await page.InnerTextAsync("#legend");
        foreach (var item in new[] { "Reconciled line", "Map line", "UNC line", "Disputed band", "Verified zone", "Marker identified", "Sensor", "Crossing" })
        {
            Assert.Contains(item, legend);
        }

        // Pan and zoom, then check that nothing left the host (no tiles, no CDN, no fonts).
        await page.Mouse.MoveAsync(700, 450);
        await page.Mouse.WheelAsync(0, -600);
        await page.Mouse.WheelAsync(0, 900);
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(console.ForeignRequests());
        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task Wrong_password_is_refused_on_the_page()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.BaseAddress.ToString());
        await page.FillAsync("#username", "op10");
        await page.FillAsync("#password", "nope");
        await page.ClickAsync("#signin");
        await page.WaitForFunctionAsync("() => document.querySelector('#signin-error').textContent.length > 0");
        Assert.True(await page.IsVisibleAsync("#view-signin"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_crossing_appears_in_the_list_and_on_the_map_within_two_seconds_and_only_in_its_sector()
    {
        await using var op10 = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Operator10);
        await using var op20 = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Operator20);
        var p = Places.InSector(_server.Mdl, "S10", 300);
        using var http = _server.Http();

        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, await _server.PostReportsAsync(http,
            Reports.Report("c1", Places.Radar("S10"), p.Lon, p.Lat, DateTimeOffset.UtcNow, trackId: "t-cross")));
        await op10.Page.WaitForSelectorAsync("#alerts li[data-sector='S10'][data-kind='crossed']", new PageWaitForSelectorOptions { Timeout = 2000 });
        await op10.Page.WaitForFunctionAsync("() => window.monitoringConsole.tracks >= 1", null, new PageWaitForFunctionOptions { Timeout = 2000 });
        var elapsed = watch.Elapsed;
        output.WriteLine($"crossing visible in the list and on the map after {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");

        var row = op10.Page.Locator("#alerts li[data-kind='crossed']").First;
        Assert.Equal("critical", await row.GetAttributeAsync("data-severity"));
        Assert.Contains("flash", await row.GetAttributeAsync("class") ?? "");
        Assert.True(await op10.Page.EvaluateAsync<bool>("() => document.querySelector('#alerts li').classList.contains('sev-critical')"));

        // Hovering the track shows what it is.
        var track = await op10.Page.EvaluateAsync<double[]?>("() => { const p = window.monitoringConsole.pointOf('track', 'rdr-10/t-cross'); return p ? [p.x, p.y] : null; }");
        Assert.NotNull(track);
        await op10.Page.Mouse.MoveAsync((float)track[0], (float)track[1]);
        await op10.Page.WaitForSelectorAsync(".leaflet-tooltip:has-text('t-cross (person): crossed')");

        // Clicking the alert zooms the map to its track.
        Assert.True(await op10.DiagnosticAsync<int>("zoom") < 15);
        await row.ClickAsync();
        await op10.Page.WaitForFunctionAsync("() => window.monitoringConsole.zoom >= 15");

        // The operator of S20 never sees it: not pushed, not caught up, not drawn.
        await op20.Page.WaitForTimeoutAsync(1000);
        Assert.Empty(await op20.AlertIdsAsync());
        Assert.Equal(0, await op20.DiagnosticAsync<int>("tracks"));
        Assert.Empty(op10.ForeignRequests());
        Assert.Empty(op20.ForeignRequests());
    }
}
