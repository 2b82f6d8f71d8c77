namespace Monitoring.Console.Tests;

using System.Net;
using Microsoft.Playwright;
using Monitoring.Console.Tests.Infrastructure;

/// <summary>The incident panel: the ladder, who may ack what, and an ack in one console reaching another.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentConsoleTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly PageWaitForSelectorOptions Soon = new() { Timeout = 10_000 };
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ConsoleServer.TryDelete(_server.DataDirectory);
    }

    [Fact]
    public async Task Acknowledging_a_step_in_one_console_updates_the_other()
    {
        await using var op = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Operator10);
        await using var duty = await ConsolePage.OpenAsync(browser.Browser, _server.BaseAddress, TestUsers.Duty, ["S10"]);
        var p = Places.InSector(_server.Mdl, "S10", 300);
        using var http = _server.Http();
        Assert.Equal(HttpStatusCode.Accepted, await _server.PostReportsAsync(http,
            Reports.Report("i1", Places.Radar("S10"), p.Lon, p.Lat, DateTimeOffset.UtcNow, trackId: "t-inc", accuracyM: 5)));

        await op.SelectTabAsync("incidents");
        await duty.SelectTabAsync("incidents");
        const string Confirm = "#incidents article[data-sector='S10'] li.step[data-step-id='confirm']";
        await op.Page.WaitForSelectorAsync($"{Confirm}[data-state='due'] button.ack", Soon);
        await duty.Page.WaitForSelectorAsync($"{Confirm}[data-state='due']", Soon);

        // The duty officer may not ack an operator's step; the operator sees no warning-shots button.
        Assert.Equal(0, await duty.Page.Locator($"{Confirm} button.ack").CountAsync());
        Assert.Equal(0, await op.Page.Locator("#incidents li.step[data-step-id='warning-shots'] button.ack").CountAsync());
        Assert.Matches(@"deadline in \d+:\d\d", await op.Page.InnerTextAsync($"{Confirm} .step-clock"));

        await op.Page.FillAsync($"{Confirm} input.ack-note", "seen on EO-10a");
        await op.Page.ClickAsync($"{Confirm} button.ack");
        await duty.Page.WaitForSelectorAsync($"{Confirm}[data-state='acked']", Soon);
        Assert.Contains("op10", await duty.Page.InnerTextAsync($"{Confirm} .step-ack"));
        await op.Page.WaitForSelectorAsync("#incidents li.step[data-step-id='report'][data-state='due'] button.ack", Soon);

        // Screenshots: the incident panel, and the map zoomed to the live incident's track.
        await Screenshots.SaveAsync(op.Page, "console-incident.png");
        await op.SelectTabAsync("alerts");
        await op.Page.ClickAsync("#alerts li[data-kind='crossed']");
        await op.Page.WaitForTimeoutAsync(800);
        await Screenshots.SaveAsync(op.Page, "console-map.png");
        Assert.Empty(op.ForeignRequests());
        Assert.Empty(duty.ForeignRequests());
    }
}
