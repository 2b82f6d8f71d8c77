using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Cli.Tests.Support;
using Monitoring.Host.Tests.Infrastructure;

namespace Monitoring.Cli.Tests.Commands;

/// <summary>
/// The built host as its own process in Development (demo users, dev-sensor-key): a few reports make a
/// recording, then `replay --list` and `drill --speed max` run in-process through CliApp against it.
/// </summary>
public sealed class DrillEndToEndTests
{
    [Fact]
    public async Task Replay_list_and_a_max_speed_drill_print_the_recording_and_the_after_action_report()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "monitoring-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = HostProcess.Start(dataDirectory, settings: new Dictionary<string, string>
            {
                ["Monitoring__Simulation__Enabled"] = "false",
                ["Monitoring__Recording__Fsync"] = "false",
            });
            await host.WaitReadyAsync(TimeSpan.FromSeconds(90));
            var target = host.BaseAddress.ToString();
            var recording = await RecordSomeReportsAsync(host.BaseAddress);

            var (listExit, list) = await CliRun.RunAsync("replay", "--list", "--target", target, "--user", "drill", "--password", "drill-demo");
            Assert.True(listExit == ExitCodes.Ok, list);
            Assert.Contains(recording, list);

            var (drillExit, drill) = await CliRun.RunAsync(
                "drill", "--target", target, "--user", "drill", "--password", "drill-demo", "--recording", recording, "--speed", "max");
            Assert.True(drillExit == ExitCodes.Ok, drill + "\n--- host ---\n" + host.Output);
            Assert.Contains("After-action report", drill);
            Assert.Contains("Incidents:", drill);
            Assert.Contains("Finished.", drill);

            // A refusal is exit 1 with the server's "field: reason".
            var (refusedExit, refused) = await CliRun.RunAsync(
                "replay", "--target", target, "--user", "drill", "--password", "drill-demo", "--recording", "no-such-recording");
            Assert.Equal(ExitCodes.Failed, refusedExit);
            Assert.Contains("recording: unknown recording 'no-such-recording'", refused);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    /// <summary>Two accepted batches at radar 01's own position; answers the recording's name once it is listed.</summary>
    private static async Task<string> RecordSomeReportsAsync(Uri host)
    {
        using var http = new HttpClient { BaseAddress = host };
        var token = await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "admin-demo" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var sensors = await http.GetFromJsonAsync<JsonElement>("/api/sensors");
        var radar = sensors.EnumerateArray().First(s => s.GetProperty("id").GetString() == "rdr-01");
        var (lon, lat) = (radar.GetProperty("lon").GetDouble(), radar.GetProperty("lat").GetDouble());

        for (var batch = 0; batch < 2; batch++)
        {
            var now = DateTimeOffset.UtcNow;
            var reports = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject
            {
                ["reportId"] = $"cli-e2e-{batch}-{i}",
                ["sensorId"] = "rdr-01",
                ["observedAt"] = now.AddSeconds(i - 5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["lon"] = lon + (i * 0.00001),
                ["lat"] = lat,
                ["class"] = "person",
                ["trackId"] = "t1",
            }).ToArray());
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
            {
                Content = new StringContent(reports.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", "dev-sensor-key");
            var answer = await http.SendAsync(request);
            Assert.True(answer.StatusCode == HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync());
            await Task.Delay(1100);
        }

        var recordings = await http.GetFromJsonAsync<JsonElement>("/api/recordings");
        return recordings.EnumerateArray().Last().GetProperty("name").GetString()!;
    }
}
