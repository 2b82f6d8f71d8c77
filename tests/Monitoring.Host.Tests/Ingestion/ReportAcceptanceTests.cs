using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitoring.Host.Tests.Ingestion;

/// <summary>What a sensor relies on when a batch is good: NDJSON, multi-sector batches, the 10,000 limit and duplicates.</summary>
public sealed class ReportAcceptanceTests(IngestionHost host) : IClassFixture<IngestionHost>
{
    private const int MaxReports = 10_000;
    private const int Copies = 100;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_valid_three_line_ndjson_body_is_accepted_and_applied(string newline)
    {
        const string Sector = "S30";
        var reports = new[] { host.Crossing(Sector, fraction: 0.2), host.Crossing(Sector, fraction: 0.5), host.Crossing(Sector, fraction: 0.8) };
        var before = await host.LastSeqAsync(Sector);
        var body = string.Join(newline, reports.Select(r => r.ToJsonString())) + newline;

        var (accepted, duplicates) = await host.AssertAcceptedAsync(new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(3, accepted);
        Assert.Equal(0, duplicates);
        await AssertOneCrossingEachAsync(Sector, before, reports);
    }

    [Fact]
    public async Task A_batch_for_three_sectors_is_accepted_whole_and_each_sector_alerts()
    {
        string[] sectors = ["S31", "S32", "S33"];
        var bySector = sectors.ToDictionary(s => s, s => new[] { host.Crossing(s, fraction: 0.3), host.Crossing(s, "vehicle", fraction: 0.7) });
        var before = new Dictionary<string, long>();
        foreach (var sector in sectors)
        {
            before[sector] = await host.LastSeqAsync(sector);
        }

        // Interleaved, so the server has to split the batch by sector itself.
        var batch = Enumerable.Range(0, 2).SelectMany(i => sectors.Select(s => bySector[s][i])).ToArray<JsonNode>();
        var (accepted, duplicates) = await host.AssertAcceptedAsync(Infrastructure.Reports.Batch(batch));

        Assert.Equal(batch.Length, accepted);
        Assert.Equal(0, duplicates);
        foreach (var sector in sectors)
        {
            await AssertOneCrossingEachAsync(sector, before[sector], bySector[sector]);
        }
    }

    [Fact]
    public async Task A_batch_of_exactly_10000_reports_is_accepted()
    {
        const string Sector = "S34";
        var first = host.Crossing(Sector);
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var reports = new JsonNode[MaxReports];
        for (var i = 0; i < reports.Length; i++)
        {
            var copy = first.DeepClone().AsObject();
            copy["reportId"] = $"{(string)first["reportId"]!}-{i}";
            copy["observedAt"] = IngestionHost.Stamp(start.AddMilliseconds(i * 10));
            reports[i] = copy;
        }

        var before = await host.LastSeqAsync(Sector);

        var (accepted, duplicates) = await host.AssertAcceptedAsync(Infrastructure.Reports.Batch(reports));

        Assert.Equal(MaxReports, accepted);
        Assert.Equal(0, duplicates);

        // One track, one position: it crossed once, so one alert.
        var alert = Assert.Single(await host.AlertsAfterAsync(Sector, before));
        Assert.Equal(IngestionHost.TrackOf(first), alert.GetProperty("trackId").GetString());
    }

    [Fact]
    public async Task The_same_report_sent_100_times_in_separate_requests_counts_once()
    {
        const string Sector = "S35";
        var report = host.Crossing(Sector);
        var body = IngestionHost.ArrayOf(report.ToJsonString());
        var before = await host.LastSeqAsync(Sector);

        // A sensor retrying on timeouts: the copies overlap in flight.
        var answers = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => host.AssertAcceptedAsync(IngestionHost.Json(body))));

        Assert.Equal(1, answers.Sum(a => a.Accepted));
        Assert.Equal(Copies - 1, answers.Sum(a => a.Duplicates));
        await AssertOneCrossingEachAsync(Sector, before, [report]);

        // And once more, after all of those: still a duplicate.
        Assert.Equal((0, 1), await host.AssertAcceptedAsync(IngestionHost.Json(body)));
        Assert.Equal(before + 1, await host.LastSeqAsync(Sector));
    }

    [Fact]
    public async Task The_same_report_sent_100_times_one_after_another_counts_once()
    {
        const string Sector = "S36";
        var report = host.Crossing(Sector);
        var body = IngestionHost.ArrayOf(report.ToJsonString());
        var before = await host.LastSeqAsync(Sector);

        var answers = new List<(int Accepted, int Duplicates)>();
        for (var i = 0; i < Copies; i++)
        {
            answers.Add(await host.AssertAcceptedAsync(IngestionHost.Json(body)));
        }

        Assert.Equal((1, 0), answers[0]);
        Assert.All(answers.Skip(1), a => Assert.Equal((0, 1), a));
        await AssertOneCrossingEachAsync(Sector, before, [report]);
    }

    [Fact]
    public async Task The_same_report_100_times_in_one_batch_counts_once()
    {
        const string Sector = "S37";
        var report = host.Crossing(Sector);
        var before = await host.LastSeqAsync(Sector);

        var (accepted, duplicates) = await host.AssertAcceptedAsync(
            IngestionHost.Json(IngestionHost.ArrayOf(Enumerable.Repeat(report.ToJsonString(), Copies).ToArray())));

        Assert.Equal(1, accepted);
        Assert.Equal(Copies - 1, duplicates);
        await AssertOneCrossingEachAsync(Sector, before, [report]);
    }

    [Fact]
    public async Task The_same_report_100_times_in_one_ndjson_body_counts_once()
    {
        const string Sector = "S38";
        var report = host.Crossing(Sector);
        var before = await host.LastSeqAsync(Sector);

        var (accepted, duplicates) = await host.AssertAcceptedAsync(IngestionHost.Ndjson(Enumerable.Repeat(report.ToJsonString(), Copies).ToArray()));

        Assert.Equal(1, accepted);
        Assert.Equal(Copies - 1, duplicates);
        await AssertOneCrossingEachAsync(Sector, before, [report]);
    }

    [Fact]
    public async Task A_duplicate_of_an_earlier_report_does_not_count_again_inside_a_new_batch()
    {
        const string Sector = "S39";
        var earlier = host.Crossing(Sector, fraction: 0.3);
        var fresh = host.Crossing(Sector, fraction: 0.7);
        var before = await host.LastSeqAsync(Sector);
        Assert.Equal((1, 0), await host.AssertAcceptedAsync(IngestionHost.Json(IngestionHost.ArrayOf(earlier.ToJsonString()))));

        var (accepted, duplicates) = await host.AssertAcceptedAsync(IngestionHost.Json(IngestionHost.ArrayOf(earlier.ToJsonString(), fresh.ToJsonString())));

        Assert.Equal(1, accepted);
        Assert.Equal(1, duplicates);
        await AssertOneCrossingEachAsync(Sector, before, [earlier, fresh]);
    }

    /// <summary>
    /// Every report (a new track) crossed, so each raised exactly one critical `crossed` alert; the sector's
    /// seq moved by exactly that many, with no gaps.
    /// </summary>
    private async Task AssertOneCrossingEachAsync(string sector, long before, IReadOnlyList<JsonObject> reports)
    {
        var alerts = await host.AlertsAfterAsync(sector, before);
        Assert.Equal(reports.Count, alerts.Length);
        Assert.Equal(Enumerable.Range(1, reports.Count).Select(i => before + i), alerts.Select(a => a.GetProperty("seq").GetInt64()));
        Assert.Equal(before + reports.Count, await host.LastSeqAsync(sector));
        foreach (var report in reports)
        {
            var alert = Assert.Single(alerts, a => a.GetProperty("trackId").GetString() == IngestionHost.TrackOf(report));
            Assert.Equal(sector, alert.GetProperty("sectorId").GetString());
            Assert.Equal("crossed", alert.GetProperty("kind").GetString());
            Assert.Equal("critical", alert.GetProperty("severity").GetString());
            Assert.Equal((string)report["reportId"]!, alert.GetProperty("reportId").GetString());
            Assert.Equal((string)report["class"]!, alert.GetProperty("class").GetString());
        }
    }
}
