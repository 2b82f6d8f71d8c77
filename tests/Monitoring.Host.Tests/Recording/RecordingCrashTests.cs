namespace Monitoring.Host.Tests.Recording;

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Monitoring.Geo;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Simulation;
using Monitoring.Simulation.Recording;

/// <summary>
/// kill -9 while reports stream in: after a restart the recording reads cleanly (at most a torn tail,
/// skipped) and every report that was answered 202 is in it.
/// </summary>
public sealed class RecordingCrashTests
{
    private static readonly Dictionary<string, string> Settings = new() { ["Monitoring__Simulation__Enabled"] = "false" };

    [Fact]
    public async Task Every_report_answered_202_survives_a_kill_9()
    {
        var data = MonitoringApp.NewDataDirectory();
        try
        {
            var acked = new ConcurrentBag<string>();
            await using (var host = HostProcess.Start(data, settings: Settings))
            {
                await host.WaitReadyAsync(TimeSpan.FromSeconds(90));
                using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
                var (lon, lat) = RadarPosition();

                using var stop = new CancellationTokenSource();
                var posters = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
                {
                    for (var b = 0; !stop.IsCancellationRequested; b++)
                    {
                        var ids = Enumerable.Range(0, 25).Select(i => $"crash-{w}-{b}-{i}").ToArray();
                        var batch = ids.Select(id => Reports.Report(id, "rdr-10", lon, lat, DateTimeOffset.UtcNow, trackId: $"w{w}")).ToArray();
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = Reports.Batch(batch) };
                        request.Headers.Add("X-Api-Key", "dev-sensor-key");
                        try
                        {
                            using var response = await http.SendAsync(request);
                            if (response.StatusCode == HttpStatusCode.Accepted)
                            {
                                foreach (var id in ids)
                                {
                                    acked.Add(id);
                                }
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                        {
                            return; // the host is gone
                        }
                    }
                })).ToArray();

                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (acked.Count < 2000 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20);
                }

                host.Kill(); // kill -9, mid-stream
                await Task.WhenAll(posters);
                await stop.CancelAsync();
            }

            Assert.True(acked.Count >= 500, $"only {acked.Count} reports were acknowledged before the kill");

            await using var restarted = HostProcess.Start(data, settings: Settings);
            await restarted.WaitReadyAsync(TimeSpan.FromSeconds(90));

            var recordings = FeedReader.ListRecordings(Path.Combine(data, "recordings"));
            var crashed = Assert.Single(recordings);
            var recorded = crashed.ReadReports().Select(r => r.Report.ReportId).ToHashSet();
            Assert.InRange(crashed.SkippedRecords, 0, 1);
            var missing = acked.Where(id => !recorded.Contains(id)).Take(5).ToArray();
            Assert.True(missing.Length == 0, $"answered 202 but not recorded: {string.Join(", ", missing)} (of {acked.Count} acknowledged, {recorded.Count} recorded)");

            using var http2 = await ApiClients.DemoObserverAsync(restarted.BaseAddress);
            var listed = JsonDocument.Parse(await http2.GetStringAsync("/api/recordings")).RootElement;
            Assert.True(listed[0].GetProperty("reportCount").GetInt64() >= acked.Count);
        }
        finally
        {
            MonitoringApp.TryDelete(data);
        }
    }

    /// <summary>rdr-10's own position (inside S10, 1.5 km south), from the default catalogue.</summary>
    private static (double Lon, double Lat) RadarPosition()
    {
        var catalog = SensorCatalog.Generate(ReconciledMdl.Build(MdlDataSetFactory.Generate(), MdlPolicy.Jcs2025, 0).Sectors);
        Assert.True(catalog.TryGet("rdr-10", out var radar));
        return (radar.Lon, radar.Lat);
    }
}
