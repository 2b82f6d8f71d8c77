namespace Monitoring.Host.Tests.Persistence;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>Embedded mode keeps alert logs, seq values, track verdicts and the MDL version across a restart.</summary>
public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task Restarting_the_host_keeps_alerts_seq_track_verdicts_and_the_mdl_version()
    {
        var dataDirectory = MonitoringApp.NewDataDirectory();
        try
        {
            var t0 = DateTimeOffset.UtcNow.AddSeconds(-20);
            Alert[] alertsBefore;
            long versionBefore;
            string sectorId;
            Monitoring.Geo.LonLat deep;

            await using (var app = new MonitoringApp(dataDirectory))
            {
                await app.StartAsync();
                var http = await app.ClientFor("admin");
                var mdl = app.Services.GetRequiredService<MdlSnapshots>().Require();
                deep = Positions.AtDepth(mdl, 30_000, 400) ?? throw new InvalidOperationException("no crossing point");
                sectorId = Positions.SectorOf(mdl, deep);
                var sensorId = $"rdr-{sectorId[1..]}";
                var sensors = app.SensorClient();
                for (var i = 0; i < 5; i++)
                {
                    var response = await sensors.PostAsync("/api/reports", Reports.Batch(
                        Reports.Report($"before-{i}", sensorId, deep.Lon, deep.Lat, t0.AddSeconds(i), trackId: $"t{i}")));
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                }

                var survey = await http.PutAsJsonAsync("/api/markers/100", new { status = "damaged", surveyedAt = t0 });
                Assert.Equal(HttpStatusCode.OK, survey.StatusCode);
                alertsBefore = (await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}"))!;
                versionBefore = (long)(await http.GetFromJsonAsync<JsonObject>("/api/mdl"))!["version"]!;
                Assert.Equal(5, alertsBefore.Length);
                Assert.Equal(2, versionBefore);
            }

            await using (var app = new MonitoringApp(dataDirectory))
            {
                await app.StartAsync();
                var http = await app.ClientFor("admin");
                Assert.Equal(versionBefore, (long)(await http.GetFromJsonAsync<JsonObject>("/api/mdl"))!["version"]!);
                var marker = (await http.GetFromJsonAsync<JsonObject>("/api/mdl"))!["features"]!.AsArray()
                    .First(f => f!["properties"]!["layer"]!.GetValue<string>() == "marker" && (int)f["properties"]!["number"]! == 100);
                Assert.Equal("damaged", marker!["properties"]!["status"]!.GetValue<string>());

                var alertsAfter = await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}");
                Assert.Equal(alertsBefore, alertsAfter);
                var sector = await http.GetFromJsonAsync<JsonObject>($"/api/sectors/{sectorId}");
                Assert.Equal(5, (long)sector!["lastSeq"]!);

                var sensorId = $"rdr-{sectorId[1..]}";
                var sensors = app.SensorClient();
                // t0 is still crossed: its verdict survived, so this report raises nothing.
                await sensors.PostAsync("/api/reports", Reports.Batch(Reports.Report("after-0", sensorId, deep.Lon, deep.Lat, t0.AddSeconds(10), trackId: "t0")));
                // A new track crosses: the seq continues without a gap.
                await sensors.PostAsync("/api/reports", Reports.Batch(Reports.Report("after-new", sensorId, deep.Lon, deep.Lat, t0.AddSeconds(11), trackId: "t-new")));
                var all = (await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}"))!;
                Assert.Equal(6, all.Length);
                Assert.Equal(6, all[^1].Seq);
                Assert.Equal("after-new", all[^1].ReportId);
            }
        }
        finally
        {
            MonitoringApp.TryDelete(dataDirectory);
        }
    }
}
