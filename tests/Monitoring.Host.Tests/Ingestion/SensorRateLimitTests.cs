namespace Monitoring.Host.Tests.Ingestion;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Simulation.Feeding;
using Monitoring.Simulation.Reports;

/// <summary>
/// api.md: 429 with Retry-After when a sensor key sends more than its rate. The refused batch is applied
/// nowhere (not recorded, not decided), other keys are not held back, and the same batch passes once the
/// key has waited.
/// </summary>
public sealed class SensorRateLimitTests : IAsyncLifetime
{
    private const string SecondKey = "second-sensor-key";
    private readonly MonitoringApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Monitoring:Ingestion:RateLimitReportsPerSecond"] = "20",
        ["Monitoring:Security:SensorKeys:1"] = SecondKey,
    });

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_and_nothing_of_that_batch_is_applied()
    {
        var sensor = _app.SensorClient();
        Assert.Equal(HttpStatusCode.Accepted, (await sensor.PostAsync("/api/reports", Batch("first", 15))).StatusCode);

        var refused = await sensor.PostAsync("/api/reports", Batch("second", 15));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var wait = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("X-Api-Key", error.GetProperty("field").GetString());
        Assert.Contains("20 reports a second", error.GetProperty("reason").GetString());

        // Another key has its own bucket.
        var other = _app.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", SecondKey);
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsync("/api/reports", Batch("other", 15))).StatusCode);

        // After the wait the refused batch passes, and none of it was applied before: no duplicates.
        await Task.Delay(wait);
        var retried = await sensor.PostAsync("/api/reports", Batch("second", 15));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var counts = await retried.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(15, counts!["accepted"]!.GetValue<int>());
        Assert.Equal(0, counts["duplicates"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_simulations_http_feed_waits_out_a_429_and_sends_the_same_batch_again()
    {
        var sink = new HttpFeedSink(_app.CreateClient(), MonitoringApp.SensorKey);
        await sink.SendReportsAsync(Simulated("sim-a", 15), CancellationToken.None);

        // Over the key's rate: the host answers 429 once, the sink waits its Retry-After and sends it again.
        await sink.SendReportsAsync(Simulated("sim-b", 15), CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the bucket refills
        var again = await _app.SensorClient().PostAsync("/api/reports", Batch("sim-b", 5));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var counts = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(5, counts!["duplicates"]!.GetValue<int>()); // sim-b was applied, once
    }

    private List<SimulatedReport> Simulated(string prefix, int count)
        => Positions(prefix, count).Select(r => new SimulatedReport(r.Id, r.SensorId, r.ObservedAt, r.Lon, r.Lat, null, "person", null, r.Id)).ToList();

    private StringContent Batch(string prefix, int count)
        => Reports.Batch([.. Positions(prefix, count).Select(r => (JsonNode)Reports.Report(r.Id, r.SensorId, r.Lon, r.Lat, r.ObservedAt, trackId: r.Id))]);

    /// <summary>Reports 1.5 km south of the line in one sector, each on its own track.</summary>
    private IEnumerable<(string Id, string SensorId, double Lon, double Lat, DateTimeOffset ObservedAt)> Positions(string prefix, int count)
    {
        var mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        var observedAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        for (var i = 0; i < count; i++)
        {
            var p = mdl.Sectors.PointAt(41_500 + (i * 10), -1_500);
            var sector = Infrastructure.Positions.SectorOf(mdl, p);
            yield return ($"{prefix}-{i}", $"rdr-{sector[1..]}", p.Lon, p.Lat, observedAt);
        }
    }
}
