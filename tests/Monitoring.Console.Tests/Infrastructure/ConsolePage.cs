namespace Monitoring.Console.Tests.Infrastructure;

using System.Collections.Concurrent;
using Microsoft.Playwright;

/// <summary>One signed-in operator console in its own browser context, with every request it made.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private ConsolePage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.Request += (_, r) => _requests.Enqueue(r.Url);
        page.WebSocket += (_, ws) => _requests.Enqueue(ws.Url);
        page.PageError += (_, e) => _errors.Enqueue(e);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                _errors.Enqueue($"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _errors.Enqueue(m.Text);
            }
        };
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public IReadOnlyCollection<string> Requests => _requests.ToArray();

    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    /// <summary>Opens the page at "/" (no token), signs in, keeps the given sectors (default: the user's own) and opens the console.</summary>
    public static async Task<ConsolePage> OpenAsync(IBrowser browser, Uri baseAddress, TestUser user, string[]? sectors = null, int width = 1600, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var console = new ConsolePage(context, page, baseAddress);
        await page.GotoAsync(baseAddress.ToString());
        await console.SignInAsync(user, sectors);
        return console;
    }

    public async Task SignInAsync(TestUser user, string[]? sectors)
    {
        await Page.FillAsync("#username", user.Name);
        await Page.FillAsync("#password", user.Password);
        await Page.ClickAsync("#signin");
        await Page.WaitForSelectorAsync("#view-picker:not([hidden])", new PageWaitForSelectorOptions { Timeout = 30_000 });
        if (sectors is not null)
        {
            await Page.ClickAsync("#picker-none");
            foreach (var s in sectors)
            {
                await Page.CheckAsync($"#picker-sectors input[value='{s}']");
            }
        }

        await Page.ClickAsync("#open-console");
        await WaitConnectedAsync();
    }

    public Task WaitConnectedAsync(int timeoutMs = 30_000)
        => Page.WaitForSelectorAsync("#conn[data-state='connected']", new PageWaitForSelectorOptions { Timeout = timeoutMs });

    public async Task<string[]> AlertIdsAsync(string? sectorId = null)
        => await Page.EvaluateAsync<string[]>(
            "s => [...document.querySelectorAll('#alerts li[data-alert-id]')].filter(li => !s || li.dataset.sector === s).map(li => li.dataset.alertId)",
            sectorId);

    public Task<T> DiagnosticAsync<T>(string name) => Page.EvaluateAsync<T>($"() => window.monitoringConsole.{name}");

    public Task SelectTabAsync(string tab) => Page.ClickAsync($"#tabs button[data-tab='{tab}']");

    /// <summary>Every request URL that went anywhere but this host (data: and blob: URLs are local).</summary>
    public IReadOnlyList<string> ForeignRequests()
        => Requests.Where(u =>
        {
            var uri = new Uri(u);
            if (uri.Scheme is "data" or "blob" or "about")
            {
                return false;
            }

            return !(uri.Host == BaseAddress.Host && uri.Port == BaseAddress.Port);
        }).ToList();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
