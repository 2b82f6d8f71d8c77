namespace Monitoring.Host.Tests.Sectors;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// A sector commits batches that arrive together as one group, yet every seq stays gap-free, every alert
/// shows exactly once and in seq order, and a commit that fails shows none of its batch.
/// </summary>
public sealed class SectorCommitTests : IAsyncLifetime
{
    private const double SectorMiddleM = 30_000; // well inside one 4 km sector
    private readonly MonitoringApp _app;
    private FaultySectorLog? _log;

    public SectorCommitTests()
        => _app = new MonitoringApp(services: FaultySectorLog.Install(log => _log = log));

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Concurrent_batches_into_one_sector_get_gap_free_seqs_each_shown_once_in_order()
    {
        const int Batches = 40, PerBatch = 10;
        var (sectorId, sensorId, points) = PointsInOneSector(Batches * PerBatch, crossedEvery: 5);
        await using var console = await _app.ConnectConsoleAsync();
        var inbox = new AlertInbox(console);
        await console.InvokeAsync<object>("Subscribe", new[] { sectorId });

        var t0 = DateTimeOffset.UtcNow.AddSeconds(-20);
        var sensors = _app.SensorClient();
        var posts = Enumerable.Range(0, Batches).Select(b => sensors.PostAsync("/api/reports", Reports.Batch(
            Enumerable.Range(0, PerBatch).Select(i => (JsonNode)Reports.Report(
                $"cc-{b}-{i}", sensorId, points[(b * PerBatch) + i].Lon, points[(b * PerBatch) + i].Lat, t0, trackId: $"cc-{b}-{i}")).ToArray())));
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        // Every new track raises one alert (approaching or crossed): 400 alerts, seqs 1..400.
        var http = await _app.ClientFor("admin");
        var logged = (await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}&limit=1000"))!;
        Assert.Equal(Enumerable.Range(1, Batches * PerBatch).Select(i => (long)i), logged.Select(a => a.Seq));
        Assert.Equal(Batches * PerBatch, logged.Select(a => a.ReportId).Distinct().Count());

        var received = await inbox.WaitForAsync(a => a.Count >= logged.Length);
        Assert.Equal(logged.Select(a => (a.Seq, a.ReportId)), received.Select(a => (a.Seq, a.ReportId)));

        // One incident per crossed track, each with its own number. Incidents open one-way from the sector.
        var crossed = logged.Count(a => a.Kind == AlertKinds.Crossed);
        Assert.Equal(Batches * PerBatch / 5, crossed);
        var incidents = new JsonArray();
        for (var i = 0; i < 200 && incidents.Count < crossed; i++)
        {
            await Task.Delay(50);
            incidents = (await http.GetFromJsonAsync<JsonArray>($"/api/incidents?sector={sectorId}"))!;
        }

        Assert.Equal(crossed, incidents.Select(i => i!["incidentId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Repeated_escalations_raised_among_report_batches_give_one_alert_that_every_caller_gets()
    {
        const int Batches = 20, PerBatch = 5, Repeats = 6;
        var (sectorId, sensorId, points) = PointsInOneSector(Batches * PerBatch, crossedEvery: 7);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-20);
        var sensors = _app.SensorClient();
        var sector = _app.Services.GetRequiredService<IClusterClient>().Reference<ISectorGrain>(sectorId);
        EscalationRequest Step(string step) => new()
        {
            IncidentId = $"{sectorId}-2026-9999",
            StepId = step,
            TrackId = "esc-0-0",
            At = t0,
            Note = $"step '{step}' not acknowledged",
        };

        // Two steps, each raised several times (a deadline firing twice), while batches are being committed.
        var posts = Enumerable.Range(0, Batches).Select(b => sensors.PostAsync("/api/reports", Reports.Batch(
            Enumerable.Range(0, PerBatch).Select(i => (JsonNode)Reports.Report(
                $"esc-{b}-{i}", sensorId, points[(b * PerBatch) + i].Lon, points[(b * PerBatch) + i].Lat, t0, trackId: $"esc-{b}-{i}")).ToArray())));
        var raised = Enumerable.Range(0, Repeats).SelectMany(_ => new[] { sector.RaiseEscalation(Step("confirm")), sector.RaiseEscalation(Step("report")) });
        var responses = await Task.WhenAll(posts);
        var alerts = await Task.WhenAll(raised);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        // Every caller of a step got the same alert, and the log holds exactly one per step, with gap-free seqs.
        Assert.Equal(2, alerts.Select(a => a.AlertId).Distinct().Count());
        Assert.Single(alerts.Where(a => a.StepId == "confirm").Select(a => a.AlertId).Distinct());
        var http = await _app.ClientFor("admin");
        var logged = (await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}&limit=1000"))!;
        Assert.Equal(Enumerable.Range(1, logged.Length).Select(i => (long)i), logged.Select(a => a.Seq));
        Assert.Equal(2, logged.Count(a => a.Kind == AlertKinds.Escalation));

        // Raised again later, from the committed tail: still the same alert.
        Assert.Equal(alerts.First(a => a.StepId == "report").AlertId, (await sector.RaiseEscalation(Step("report"))).AlertId);
    }

    [Fact]
    public async Task A_failed_commit_shows_nothing_of_its_batch_and_the_sector_goes_on_after_reloading()
    {
        var (sectorId, sensorId, points) = PointsInOneSector(15, crossedEvery: 1);
        await using var console = await _app.ConnectConsoleAsync();
        var inbox = new AlertInbox(console);
        await console.InvokeAsync<object>("Subscribe", new[] { sectorId });
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-20);
        var sensors = _app.SensorClient();
        StringContent Batch(string name, int from) => Reports.Batch(Enumerable.Range(from, 5)
            .Select(i => (JsonNode)Reports.Report($"{name}-{i}", sensorId, points[i].Lon, points[i].Lat, t0, trackId: $"{name}-{i}")).ToArray());

        Assert.Equal(HttpStatusCode.Accepted, (await sensors.PostAsync("/api/reports", Batch("a", 0))).StatusCode);

        _log!.FailNextCommit();
        var failed = await sensors.PostAsync("/api/reports", Batch("b", 5));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(1, _log.Failed);

        // The sector reloads from its log; a sensor retries on 503 as Retry-After tells it to.
        var accepted = await PostUntilAcceptedAsync(sensors, () => Batch("c", 10));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var http = await _app.ClientFor("admin");
        var logged = (await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}"))!;
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), logged.Select(a => a.Seq));
        Assert.DoesNotContain(logged, a => a.ReportId!.StartsWith("b-", StringComparison.Ordinal));

        // Nothing of the failed batch applied: sent again, it is new, not a duplicate.
        var again = await PostUntilAcceptedAsync(sensors, () => Batch("b", 5));
        Assert.Equal(5, (await again.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        logged = (await http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}"))!;
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), logged.Select(a => a.Seq));

        // The console saw only committed alerts, each once, each as the log has it.
        var received = await inbox.WaitForAsync(a => a.Count >= 15);
        Assert.Equal(logged.Select(a => (a.Seq, a.ReportId)), received.Select(a => (a.Seq, a.ReportId)));
    }

    private static async Task<HttpResponseMessage> PostUntilAcceptedAsync(HttpClient sensors, Func<StringContent> batch)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await sensors.PostAsync("/api/reports", batch());
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Distinct positions in one sector: 60 m north of R (approaching), every n-th 400 m south of it (crossed).</summary>
    private (string SectorId, string SensorId, List<LonLat> Points) PointsInOneSector(int count, int crossedEvery)
    {
        var mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        var points = new List<LonLat>();
        string? sectorId = null;
        for (var s = SectorMiddleM - 1500; points.Count < count; s += 3000.0 / (count * 2))
        {
            var depth = points.Count % crossedEvery == crossedEvery - 1 ? 400 : -60;
            if (Positions.AtDepth(mdl, s, depth) is not { } p)
            {
                continue;
            }

            var sector = Positions.SectorOf(mdl, p);
            Assert.True(sectorId is null || sectorId == sector, "the points must stay in one sector");
            sectorId = sector;
            points.Add(p);
        }

        return (sectorId!, $"rdr-{sectorId![1..]}", points);
    }
}
