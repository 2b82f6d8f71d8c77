namespace Monitoring.Host.Tests.Startup;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alerts;
using Monitoring.Geo;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The README's tour, for real: the built host as its own process on its embedded defaults, ready within
/// 10 s; a report posted with curl 30 m south of the reconciled line gives a crossed alert on a console.
/// </summary>
public sealed class FreshStartTests
{
    [Fact]
    public async Task The_host_is_ready_within_10_s_and_a_curl_crossing_reaches_a_console()
    {
        var dataDirectory = MonitoringApp.NewDataDirectory();
        try
        {
            await using var host = HostProcess.Start(dataDirectory);
            var readyAfter = await host.WaitReadyAsync(TimeSpan.FromSeconds(30));
            Assert.True(readyAfter < TimeSpan.FromSeconds(10), $"ready after {readyAfter.TotalSeconds:0.0} s\n{host.Output}");

            // The same default data set the host generated (it is deterministic).
            var mdl = ReconciledMdl.Build(MdlDataSetFactory.Generate(), MdlPolicy.Jcs2025, 1);
            var point = Positions.AtDepth(mdl, 120_000, 30) ?? throw new InvalidOperationException("no point 30 m south");
            var sectorId = Positions.SectorOf(mdl, point);

            // Development: the demo users are printed at start-up; sign in as one, as the README tour does.
            Assert.Contains("demo user duty1", host.Output);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            var signIn = await http.PostAsJsonAsync("/api/auth/token", new { username = "duty1", password = "duty1-demo" });
            Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
            var token = (await signIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
            await using var console = new HubConnectionBuilder()
                .WithUrl(new Uri(host.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult(token))
                .Build();
            var inbox = new AlertInbox(console);
            await console.StartAsync();
            await console.InvokeAsync<object>("Subscribe", new[] { sectorId });

            var body = $$"""
                [{"reportId":"tour-1","sensorId":"eo-{{sectorId[1..]}}a","observedAt":"{{DateTimeOffset.UtcNow.AddSeconds(-1):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}","lon":{{point.Lon.ToString("R", CultureInfo.InvariantCulture)}},"lat":{{point.Lat.ToString("R", CultureInfo.InvariantCulture)}},"accuracyM":5,"class":"person","trackId":"tour"}]
                """;
            var curl = Process.Start(new ProcessStartInfo("curl")
            {
                ArgumentList = { "-s", "-w", "\n%{http_code}", "-X", "POST", new Uri(host.BaseAddress, "/api/reports").ToString(), "-H", "X-Api-Key: dev-sensor-key", "-H", "Content-Type: application/json", "-d", body },
                RedirectStandardOutput = true,
            })!;
            var curlOutput = await curl.StandardOutput.ReadToEndAsync();
            await curl.WaitForExitAsync();
            Assert.EndsWith("202", curlOutput.Trim());

            var alerts = await inbox.WaitForAsync(a => a.Count > 0, TimeSpan.FromSeconds(10));
            var alert = Assert.Single(alerts);
            Assert.Equal(AlertKinds.Crossed, alert.Kind);
            Assert.Equal(Severities.Critical, alert.Severity);
            Assert.Equal(30, alert.DepthM!.Value, 1);
            Assert.Equal(sectorId, alert.SectorId);
        }
        finally
        {
            MonitoringApp.TryDelete(dataDirectory);
        }
    }
}
