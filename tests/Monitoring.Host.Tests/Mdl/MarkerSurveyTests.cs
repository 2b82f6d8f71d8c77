namespace Monitoring.Host.Tests.Mdl;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Mdl;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>A field survey makes a new MDL version, consoles hear of it, and verdicts follow the new verified zone.</summary>
public sealed class MarkerSurveyTests : IAsyncLifetime
{
    private readonly MonitoringApp _app = new();
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _http = await _app.ClientFor("commander"); // surveys are for commanders and admins (docs/authorization.md)
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Surveying_a_run_identified_bumps_the_version_pushes_it_and_changes_verdicts_in_the_new_zone()
    {
        var snapshots = _app.Services.GetRequiredService<MdlSnapshots>();
        var before = snapshots.Require();
        var (run, point) = FindRunThatChangesAVerdict(snapshots, before);
        var oldVerdict = before.Classify(point.Lon, point.Lat, 5, false).Verdict;

        await using var console = await _app.ConnectConsoleAsync(await _app.TokenFor("observer"));
        var inbox = new AlertInbox(console);
        var sectorId = Positions.SectorOf(before, point);
        await console.InvokeAsync<object>("Subscribe", new[] { sectorId });

        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-10);
        var sensorId = $"eo-{sectorId[1..]}a";
        await sensors.PostAsync("/api/reports", Reports.Batch(Reports.Report("sv-1", sensorId, point.Lon, point.Lat, t0, accuracyM: 5, trackId: "surveyed")));

        var version = before.Version;
        foreach (var number in run)
        {
            var response = await _http.PutAsJsonAsync($"/api/markers/{number}", new { status = "identified", surveyedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(version + 1, (long)body!["version"]!);
            version++;
            var pushed = await inbox.WaitForMdlAsync(v => v.Contains(version));
            Assert.Contains(version, pushed);
        }

        var mdlJson = await _http.GetFromJsonAsync<JsonObject>("/api/mdl");
        Assert.Equal(version, (long)mdlJson!["version"]!);
        var markerFeature = mdlJson["features"]!.AsArray().First(f => f!["properties"]!["layer"]!.GetValue<string>() == "marker" && (int)f["properties"]!["number"]! == run[0]);
        Assert.Equal("identified", markerFeature!["properties"]!["status"]!.GetValue<string>());

        var after = snapshots.Require();
        var newVerdict = after.Classify(point.Lon, point.Lat, 5, false).Verdict;
        Assert.NotEqual(oldVerdict, newVerdict);

        await sensors.PostAsync("/api/reports", Reports.Batch(Reports.Report("sv-2", sensorId, point.Lon, point.Lat, t0.AddSeconds(5), accuracyM: 5, trackId: "surveyed")));
        var alerts = await inbox.WaitForAsync(a => a.Any(x => x.ReportId == "sv-2"));
        var changed = Assert.Single(alerts, a => a.ReportId == "sv-2");
        Assert.Equal(version, changed.MdlVersion);
        Assert.Equal(ExpectedAlert(oldVerdict, newVerdict), changed.Kind);
    }

    /// <summary>
    /// Three consecutive unidentified markers inside a discrepancy, and a point near them whose verdict
    /// the survey would change. Found by building the would-be version, not by hard-coding coordinates.
    /// </summary>
    private static (int[] Run, LonLat Point) FindRunThatChangesAVerdict(MdlSnapshots snapshots, ReconciledMdl current)
    {
        var markers = current.Data.Markers;
        foreach (var stretch in current.Discrepancies(20))
        {
            for (var first = stretch.FromMarker; first + 2 <= stretch.ToMarker; first++)
            {
                var run = new[] { first, first + 1, first + 2 };
                if (run.Any(n => markers[n - 1].Status == MarkerStatus.Identified)
                    || markers[first - 2 < 0 ? 0 : first - 2].Status == MarkerStatus.Identified)
                {
                    continue;
                }

                var candidate = snapshots.Build(new MdlDefinition
                {
                    Version = current.Version + 3,
                    Policy = WireNames.Of(current.Policy),
                    Surveys = run.Select(n => new MarkerSurvey { Number = n, Status = "identified", SurveyedAt = DateTimeOffset.UtcNow }).ToArray(),
                });
                var middle = markers[first].Position;
                for (var dLon = -0.002; dLon <= 0.002; dLon += 0.0001)
                {
                    for (var dLat = -0.002; dLat <= 0.002; dLat += 0.0001)
                    {
                        var p = new LonLat(middle.Lon + dLon, middle.Lat + dLat);
                        var was = current.Classify(p.Lon, p.Lat, 5, false);
                        var will = candidate.Classify(p.Lon, p.Lat, 5, false);
                        if (was.Verdict != will.Verdict && Math.Abs(will.DepthM) > 10 && Math.Abs(was.DepthM) > 10)
                        {
                            return (run, p);
                        }
                    }
                }
            }
        }

        throw new InvalidOperationException("No marker run in the default data set changes a verdict when identified.");
    }

    private static string ExpectedAlert(Verdict from, Verdict to)
        => from == Verdict.Crossed && to is Verdict.Clear or Verdict.Approaching ? AlertKinds.Returned : WireNames.Of(to);
}
