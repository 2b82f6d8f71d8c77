namespace Monitoring.Host.Tests.Recording;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Recording;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Simulation;
using Monitoring.Simulation.Recording;

public sealed class RecordingEndpointTests
{
    [Fact]
    public async Task Accepted_reports_are_recorded_and_listed_and_rejected_ones_are_not()
    {
        await using var app = new MonitoringApp();
        await app.StartAsync();
        using var sensor = app.SensorClient();
        var (lon, lat) = SensorPosition(app, "rdr-10");
        var now = DateTimeOffset.UtcNow;

        for (var b = 0; b < 3; b++)
        {
            var batch = Enumerable.Range(0, 4).Select(i => Reports.Report($"rec-{b}-{i}", "rdr-10", lon, lat, now, trackId: $"t-{i}")).ToArray();
            Assert.Equal(HttpStatusCode.Accepted, (await sensor.PostAsync("/api/reports", Reports.Batch(batch))).StatusCode);
        }

        var bad = Reports.Report("rec-bad", "rdr-10", lon, 99, now);
        Assert.Equal(HttpStatusCode.BadRequest, (await sensor.PostAsync("/api/reports", Reports.Batch(bad))).StatusCode);

        using var reader = await ApiClients.ReaderAsync(app);
        var list = JsonDocument.Parse(await reader.GetStringAsync("/api/recordings")).RootElement;
        var recording = Assert.Single(list.EnumerateArray());
        Assert.Equal(12, recording.GetProperty("reportCount").GetInt64());
        Assert.True(recording.GetProperty("from").GetDateTimeOffset() <= recording.GetProperty("to").GetDateTimeOffset());
        var name = recording.GetProperty("name").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z", name);

        var recorded = new FeedReader(Path.Combine(app.DataDirectory, "recordings", name)).ReadReports().Select(r => r.Report).ToArray();
        Assert.Equal(Enumerable.Range(0, 3).SelectMany(b => Enumerable.Range(0, 4).Select(i => $"rec-{b}-{i}")), recorded.Select(r => r.ReportId));
        Assert.All(recorded, r => Assert.Equal(15, r.AccuracyM)); // recorded as validated: the radar's default accuracy resolved
    }

    [Fact]
    public async Task A_restart_starts_a_new_recording_and_lists_the_old_one_sealed()
    {
        var data = MonitoringApp.NewDataDirectory();
        try
        {
            await using (var first = new MonitoringApp(data))
            {
                await first.StartAsync();
                await Post(first, "one", 5);
            }

            await using var second = new MonitoringApp(data);
            await second.StartAsync();
            using var reader = await ApiClients.ReaderAsync(second);
            var before = JsonDocument.Parse(await reader.GetStringAsync("/api/recordings")).RootElement;
            Assert.Equal([5L], before.EnumerateArray().Select(r => r.GetProperty("reportCount").GetInt64()));

            await Post(second, "two", 3);
            var after = JsonDocument.Parse(await reader.GetStringAsync("/api/recordings")).RootElement;
            Assert.Equal([5L, 3L], after.EnumerateArray().Select(r => r.GetProperty("reportCount").GetInt64()));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "recordings", before[0].GetProperty("name").GetString()!), "*.seg.gz"));
        }
        finally
        {
            MonitoringApp.TryDelete(data);
        }
    }

    /// <summary>
    /// docs/recording.md "When the recorder fails": the batch is decided side by side with its recording, so a
    /// crossing still raises its alert while the recorder is down; the 503 tells the sensor the batch is not in the
    /// recording, and resending it unchanged decides nothing twice.
    /// </summary>
    [Fact]
    public async Task A_recorder_failure_answers_503_with_Retry_After_and_a_resent_batch_is_not_decided_twice()
    {
        var data = MonitoringApp.NewDataDirectory();
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "recordings"), "a file where the folder should be");
        try
        {
            await using var app = new MonitoringApp(data);
            await app.StartAsync();
            var mdl = app.Services.GetRequiredService<MdlSnapshots>().Require();
            var sector = mdl.Sectors.Sectors[9];
            var south = Positions.AtDepth(mdl, (sector.StartM + sector.EndM) / 2, 300)!.Value;
            using var sensor = app.SensorClient();
            var batch = Reports.Report("r-1", "rdr-10", south.Lon, south.Lat, DateTimeOffset.UtcNow, trackId: "t-1");

            for (var attempt = 0; attempt < 2; attempt++)
            {
                var response = await sensor.PostAsync("/api/reports", Reports.Batch(batch.DeepClone()));

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.True(response.Headers.Contains("Retry-After"));
                var problem = await response.Content.ReadAsStringAsync();
                Assert.Contains("not recorded", problem, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("resend", problem, StringComparison.OrdinalIgnoreCase);
            }

            using var reader = await ApiClients.ReaderAsync(app);
            var alerts = (await reader.GetFromJsonAsync<JsonArray>($"/api/alerts?sector={sector.SectorId}"))!;
            var crossed = Assert.Single(alerts);
            Assert.Equal("crossed", crossed!["kind"]!.GetValue<string>());
            Assert.Equal("r-1", crossed["reportId"]!.GetValue<string>());
        }
        finally
        {
            MonitoringApp.TryDelete(data);
        }
    }

    private static async Task Post(MonitoringApp app, string prefix, int count)
    {
        using var sensor = app.SensorClient();
        var (lon, lat) = SensorPosition(app, "rdr-10");
        var batch = Enumerable.Range(0, count).Select(i => Reports.Report($"{prefix}-{i}", "rdr-10", lon, lat, DateTimeOffset.UtcNow)).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await sensor.PostAsync("/api/reports", Reports.Batch(batch))).StatusCode);
    }

    internal static (double Lon, double Lat) SensorPosition(MonitoringApp app, string id)
    {
        Assert.True(app.Services.GetRequiredService<SensorCatalog>().TryGet(id, out var s));
        return (s.Lon, s.Lat);
    }
}
