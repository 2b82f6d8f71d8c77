namespace Monitoring.Console.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Monitoring.Console.Tests.Infrastructure;
using Xunit.Abstractions;

/// <summary>The host restarts (same data directory and port) while alerts are being posted: the console reconnects, catches up, and shows every alert exactly once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_host_restart_every_alert_is_shown_exactly_once()
    {
        var dataDirectory = ConsoleServer.NewDataDirectory();
        var server = await ConsoleServer.StartAsync(dataDirectory);
        var port = server.Port;
        try
        {
            await using var console = await ConsolePage.OpenAsync(browser.Browser, server.BaseAddress, TestUsers.Operator10);
            var p = Places.InSector(server.Mdl, "S10", 300);
            const int Total = 30;
            var accepted = 0;
            using var http = server.Http();
            http.Timeout = TimeSpan.FromSeconds(5);

            // Animals crossing, one new track each: one "crossed" alert (info) per report, no incident.
            var poster = Task.Run(async () =>
            {
                for (var i = 0; i < Total; i++)
                {
                    var report = Reports.Report($"r{i}", Places.Radar("S10"), p.Lon, p.Lat, DateTimeOffset.UtcNow, "animal", $"a-{i}");
                    while (true)
                    {
                        try
                        {
                            if (await server.PostReportsAsync(http, report) == HttpStatusCode.Accepted)
                            {
                                break;
                            }
                        }
                        catch (HttpRequestException)
                        {
                        }
                        catch (TaskCanceledException)
                        {
                        }

                        await Task.Delay(200);
                    }

                    Interlocked.Increment(ref accepted);
                    await Task.Delay(150);
                }
            });

            while (Volatile.Read(ref accepted) < 10)
            {
                await Task.Delay(50);
            }

            await server.DisposeAsync();
            output.WriteLine($"host stopped after {Volatile.Read(ref accepted)} reports");
            await console.Page.WaitForSelectorAsync("#conn:not([data-state='connected'])", new PageWaitForSelectorOptions { Timeout = 20_000 });
            await Task.Delay(1500); // reports keep failing while the host is down
            server = await ConsoleServer.StartAsync(dataDirectory, port);
            output.WriteLine("host restarted on the same port and data directory");
            await poster;

            var token = await server.TokenAsync(TestUsers.Operator10);
            using var api = server.Http(token);
            var logged = (await api.GetFromJsonAsync<JsonArray>("/api/alerts?sector=S10&limit=1000"))!
                .Select(a => a!["alertId"]!.GetValue<string>()).ToArray();
            Assert.Equal(Total, logged.Length);

            await console.WaitConnectedAsync();
            await console.Page.WaitForFunctionAsync(
                $"() => document.querySelectorAll('#alerts li[data-sector=\"S10\"]').length >= {Total}",
                null,
                new PageWaitForFunctionOptions { Timeout = 30_000 });
            await console.Page.WaitForTimeoutAsync(1000); // a late duplicate would show up now
            var shown = await console.AlertIdsAsync("S10");
            Assert.Equal(shown.Length, shown.Distinct().Count());
            Assert.Equal(logged.Order(), shown.Order());
            var caughtUp = await console.Page.GetAttributeAsync("#catchup", "data-count");
            output.WriteLine($"console caught up {caughtUp} alert(s) after the reconnect; {shown.Length} shown, each once");
            Assert.False(string.IsNullOrEmpty(caughtUp));
            Assert.Empty(console.ForeignRequests());
        }
        finally
        {
            await server.DisposeAsync();
            ConsoleServer.TryDelete(dataDirectory);
        }
    }
}
