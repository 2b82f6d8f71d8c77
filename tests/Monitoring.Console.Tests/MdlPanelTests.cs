namespace Monitoring.Console.Tests;

using Microsoft.Playwright;
using Monitoring.Console.Tests.Infrastructure;

/// <summary>The MDL panel: version, policy, discrepancies; surveys only for admin and commander; layers follow the mdl push; a marker on the map shows its number and fills the survey form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MdlPanelTests(BrowserFixture browser) : IAsyncLifetime
{
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ConsoleServer.TryDelete(_server.DataDirectory);
    }

    [Fact]
    public async Task An_admin_records_a_survey_and_every_console_gets_the_new_version()
    {
        await using var admin = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Admin, ["S01", "S02", "S03"]);
        await using var op = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Operator10);
        await admin.SelectTabAsync("mdl");
        await op.SelectTabAsync("mdl");
        await admin.Page.WaitForFunctionAsync("() => document.querySelectorAll('#discrepancies tbody tr').length > 0");
        var before = await admin.Page.InnerTextAsync("#mdl-version");
        Assert.Equal("jcs-2025", await admin.Page.InnerTextAsync("#mdl-policy"));
        Assert.Equal(0, await op.Page.Locator("#survey-form").CountAsync());

        await admin.Page.FillAsync("#survey-number", "12");
        await admin.Page.SelectOptionAsync("#survey-status", "identified");
        await admin.Page.ClickAsync("#survey-form button[type=submit]");
        await admin.Page.WaitForFunctionAsync("() => document.querySelector('#survey-result')?.textContent.startsWith('recorded')");
        var expected = (long.Parse(before) + 1).ToString();
        await op.Page.WaitForFunctionAsync($"() => document.querySelector('#mdl-version')?.textContent === '{expected}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await admin.Page.WaitForFunctionAsync($"() => document.querySelector('#mdl-version')?.textContent === '{expected}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal(1292, await op.DiagnosticAsync<int>("markers"));

        await Screenshots.SaveAsync(admin.Page, "console-mdl.png");
        Assert.Empty(admin.ForeignRequests());
    }

    [Fact]
    public async Task Hovering_a_marker_shows_its_number_and_clicking_it_fills_the_survey_form()
    {
        await using var admin = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Admin, ["S10"]);
        var page = admin.Page;
        await page.WaitForFunctionAsync("() => window.monitoringConsole.markers === 1292");

        // A marker inside the map, not under a control (legend, layers), with no other marker within 8 px (a dot is hit within its radius + 3 px).
        var marker = await page.EvaluateAsync<int[]?>("""
            () => {
              const box = document.querySelector('#map').getBoundingClientRect();
              const points = [];
              for (let n = 1; n <= 1292; n++) {
                const p = window.monitoringConsole.pointOf('marker', n);
                if (p) points.push({ n, ...p });
              }
              const inside = points.filter(p => p.x > box.left + 60 && p.x < box.right - 60 && p.y > box.top + 60 && p.y < box.bottom - 60
                && !document.elementFromPoint(p.x, p.y)?.closest('.leaflet-control'));
              const alone = inside.find(p => points.every(q => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 8));
              return alone ? [alone.n, Math.round(alone.x), Math.round(alone.y)] : null;
            }
            """);
        Assert.NotNull(marker);
        var (number, x, y) = (marker[0], marker[1], marker[2]);

        await page.Mouse.MoveAsync(x, y);
        await page.WaitForSelectorAsync($".leaflet-tooltip:has-text('Marker {number:D4}:')");
        await page.Mouse.ClickAsync(x, y);
        await page.WaitForSelectorAsync("#tabs button[data-tab='mdl'].active");
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InputValueAsync("#survey-number"));
        Assert.Empty(admin.Errors);
    }
}
