namespace Monitoring.Host.Tests.EndToEnd;

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// Sensors post generated positions; a real SignalR console subscribed to every sector must receive
/// exactly the alerts domain.md prescribes, with gap-free seqs, and catch-up must return the same alerts.
/// </summary>
public sealed class VerdictAlertsEndToEndTests : IAsyncLifetime
{
    private const int TrackCount = 300; // two reports each: 600 generated positions
    private static readonly string[] Classes = ["person", "vehicle", "animal", "unknown"];
    private readonly MonitoringApp _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Generated_positions_raise_the_alerts_domain_md_prescribes()
    {
        var mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        var sensors = _app.SensorClient();
        await using var console = await _app.ConnectConsoleAsync(await _app.TokenFor("observer"));
        var inbox = new AlertInbox(console);
        await console.InvokeAsync<object>("Subscribe", new[] { "*" });

        var random = new Random(20251204);
        var total = mdl.Sectors.TotalLengthM;
        var now = DateTimeOffset.UtcNow.AddSeconds(-20);
        var first = new List<JsonNode>();
        var second = new List<JsonNode>();
        var expected = new Dictionary<string, List<(string Kind, string Severity, double DepthM)>>();

        for (var i = 0; i < TrackCount; i++)
        {
            var s = 50 + (random.NextDouble() * (total - 100));
            var cls = Classes[random.Next(Classes.Length)];
            double? accuracy = random.Next(4) == 0 ? null : 1 + (random.NextDouble() * 60);
            var p1 = mdl.Sectors.PointAt(s, -300 + (random.NextDouble() * 600));
            var p2 = mdl.Sectors.PointAt(s, -300 + (random.NextDouble() * 600));
            var sector = Positions.SectorOf(mdl, p1);
            if (Positions.SectorOf(mdl, p2) != sector)
            {
                p2 = p1; // keep the track in one sector; hand-over is tested elsewhere
            }

            var sensorId = $"eo-{sector[1..]}a";
            var trackId = $"t{i}";
            first.Add(Reports.Report($"e2e-{i}-1", sensorId, p1.Lon, p1.Lat, now, cls, accuracy, trackId));
            second.Add(Reports.Report($"e2e-{i}-2", sensorId, p2.Lon, p2.Lat, now.AddSeconds(5), cls, accuracy, trackId));

            var a = accuracy ?? 5; // eo-ir default accuracy
            var alerts = new List<(string, string, double)>();
            var before = "clear";
            foreach (var p in new[] { p1, p2 })
            {
                var decided = mdl.Classify(p.Lon, p.Lat, a, cls == "animal");
                var verdict = WireNames.Of(decided.Verdict);
                if (ExpectedKind(before, verdict) is { } kind)
                {
                    alerts.Add((kind, ExpectedSeverity(kind, cls), Math.Round(decided.DepthM, 2)));
                }

                before = verdict;
            }

            expected[$"{sensorId}/{trackId}"] = alerts;
        }

        Assert.Equal(HttpStatusCode.Accepted, (await sensors.PostAsync("/api/reports", Reports.Batch([.. first]))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await sensors.PostAsync("/api/reports", Reports.Batch([.. second]))).StatusCode);

        var expectedCount = expected.Values.Sum(l => l.Count);
        Assert.True(expectedCount > 100, $"the generator should produce a meaningful number of alerts, got {expectedCount}");
        var received = await inbox.WaitForAsync(a => a.Count >= expectedCount, TimeSpan.FromSeconds(30));
        await Task.Delay(300); // anything extra would show up now
        received = inbox.Alerts;

        Assert.Equal(expectedCount, received.Count);
        foreach (var (trackId, alerts) in expected)
        {
            var got = received.Where(a => a.TrackId == trackId).OrderBy(a => a.Seq)
                .Select(a => (a.Kind, a.Severity, a.DepthM!.Value)).ToList();
            Assert.Equal(alerts, got);
        }

        // seq: 1..n per sector, no gaps, no repeats.
        foreach (var sector in received.GroupBy(a => a.SectorId))
        {
            var seqs = sector.Select(a => a.Seq).OrderBy(x => x).ToArray();
            Assert.Equal(Enumerable.Range(1, seqs.Length).Select(x => (long)x), seqs);
        }

        // Catch-up returns exactly what was pushed.
        foreach (var sector in received.GroupBy(a => a.SectorId))
        {
            var caughtUp = await console.InvokeAsync<Alert[]>("GetAlertsSince", sector.Key, 0L);
            Assert.Equal(sector.OrderBy(a => a.Seq).ToArray(), caughtUp);
            var tail = await console.InvokeAsync<Alert[]>("GetAlertsSince", sector.Key, 1L);
            Assert.Equal(sector.Where(a => a.Seq > 1).OrderBy(a => a.Seq).ToArray(), tail);
        }
    }

    /// <summary>domain.md "Tracks", written out independently of the production rules.</summary>
    private static string? ExpectedKind(string from, string to)
    {
        if (from == to)
        {
            return null;
        }

        if (from == "crossed" && (to == "clear" || to == "approaching"))
        {
            return "returned";
        }

        return to == "clear" ? null : to;
    }

    /// <summary>api.md "Alerts" severity rule.</summary>
    private static string ExpectedSeverity(string kind, string cls)
        => cls == "animal" || kind == "returned" ? "info" : kind == "crossed" ? "critical" : "warning";
}
