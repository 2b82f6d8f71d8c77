namespace Monitoring.Console.Tests;

using Microsoft.Playwright;
using Monitoring.Console.Tests.Infrastructure;

/// <summary>The MDL panel: version, policy, discrepancies; surveys only for admin and commander; layers follow the mdl push.</summary>
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
}
