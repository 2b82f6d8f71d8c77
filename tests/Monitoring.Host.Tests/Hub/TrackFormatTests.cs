namespace Monitoring.Host.Tests.Hub;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Hub;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Hub;
using Monitoring.Host.Tests.Drills;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// docs/api.md "Track formats": a console chooses, when it connects, whether its track pushes come whole
/// ("tracks", the default) or as rows ("trackRows"). Each console gets its own format and only that one,
/// for live sectors and for drills; an unknown format is refused before the connection is made.
/// </summary>
public sealed class TrackFormatTests : IAsyncLifetime
{
    private readonly MonitoringApp _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_console_gets_its_sectors_tracks_in_the_format_it_asked_for_and_only_that_one()
    {
        var mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        var start = mdl.Sectors.PointAt(58_000, -900); // mid-sector, north of the line: clear
        var sectorId = Positions.SectorOf(mdl, start);
        var token = await _app.TokenFor(MonitoringApp.DefaultUser);
        var fullPushes = new ConcurrentQueue<string>();
        var compactPushes = new ConcurrentQueue<string>();
        await using var full = await _app.ConnectConsoleAsync(token, c => Record(c, fullPushes));
        await using var compact = await _app.ConnectConsoleAsync(token, c => Record(c, compactPushes), TrackFormats.Compact);
        await full.InvokeAsync<JsonElement>("Subscribe", new[] { sectorId });
        await compact.InvokeAsync<JsonElement>("Subscribe", new[] { sectorId });

        var sensorId = $"rdr-{sectorId[1..]}";
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(-20).ToUnixTimeMilliseconds()); // reports carry milliseconds
        var last = start;
        var lastAt = t0;
        using var sensors = _app.SensorClient();
        for (var i = 0; i < 5; i++)
        {
            last = mdl.Sectors.PointAt(58_000 + (i * 3), -900);
            lastAt = t0.AddMilliseconds(i * 500);
            var response = await sensors.PostAsync("/api/reports", Reports.Batch(
                Reports.Report($"tf-{i}", sensorId, last.Lon, last.Lat, lastAt, @class: "vehicle", trackId: "rower")));
            response.EnsureSuccessStatusCode();
        }

        var trackId = $"{sensorId}/rower";
        var row = await LatestRowAsync(compactPushes, TrackFormats.CompactPush, sectorId, trackId, lastAt);
        var whole = await LatestTrackAsync(fullPushes, sectorId, trackId, lastAt);

        Assert.Equal(TrackRowsJsonConverter.Fields, row.Header);
        Assert.Equal(trackId, row.Value("trackId").GetString());
        Assert.Equal("vehicle", row.Value("class").GetString());
        Assert.Equal(last.Lon, row.Value("lon").GetDouble(), 7);
        Assert.Equal(last.Lat, row.Value("lat").GetDouble(), 7);
        Assert.Equal(lastAt.ToUnixTimeMilliseconds(), row.Value("observedAtMs").GetInt64());
        Assert.Equal("clear", row.Value("verdict").GetString());
        Assert.Equal(1, row.Value("count").GetInt32()); // the report's group size (api.md "count"), 1 when not given
        Assert.Equal(JsonValueKind.Null, row.Value("incidentId").ValueKind);
        // The same track state as the whole form, to the row's rounding.
        Assert.Equal(whole.GetProperty("lon").GetDouble(), row.Value("lon").GetDouble(), 7);
        Assert.Equal(whole.GetProperty("depthM").GetDouble(), row.Value("depthM").GetDouble(), 2);
        Assert.Equal("tf-4", whole.GetProperty("lastReportId").GetString());

        Assert.Empty(Pushes(compactPushes, TrackFormats.FullPush));
        Assert.Empty(Pushes(fullPushes, TrackFormats.CompactPush));
    }

    [Fact]
    public async Task A_compact_console_that_joined_a_drill_gets_the_drills_rows_and_a_live_one_gets_none_of_them()
    {
        await using var host = await DrillHost.StartAsync();
        var livePushes = new ConcurrentQueue<string>();
        var drillPushes = new ConcurrentQueue<string>();
        await using var live = await host.App.ConnectConsoleAsync(await host.App.TokenFor("duty1"), c => Record(c, livePushes), TrackFormats.Compact);
        await live.InvokeAsync<JsonElement>("Subscribe", new[] { "*" });
        await using var drillConsole = await host.App.ConnectConsoleAsync(await host.App.TokenFor("drill"), c => Record(c, drillPushes), TrackFormats.Compact);

        var drillId = await host.StartDrillAsync("max", paused: true);
        await drillConsole.InvokeAsync<string[]>("JoinDrill", drillId);
        await host.ResumeAsync(drillId);
        await host.WaitEndedAsync(drillId);

        await Poll.UntilAsync(() => Pushes(drillPushes, TrackFormats.CompactPush).Any(), TimeSpan.FromSeconds(20), () => "no trackRows push of the drill");

        var rows = Pushes(drillPushes, TrackFormats.CompactPush).ToArray();
        Assert.All(rows, r => Assert.Equal(drillId, r.GetProperty("drillId").GetString()));
        Assert.Contains(rows, r => r.GetProperty("rows").GetArrayLength() > 0);
        Assert.Empty(Pushes(drillPushes, TrackFormats.FullPush));
        Assert.DoesNotContain(livePushes, p => p.Contains(drillId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("trackFormat=xml")]
    [InlineData("trackFormat=")]
    [InlineData("trackFormat=compact&trackFormat=full")]
    public async Task An_unknown_track_format_is_refused_with_a_problem_naming_the_field(string query)
    {
        using var client = await _app.ClientFor(MonitoringApp.DefaultUser);
        var response = await client.PostAsync($"/hubs/console/negotiate?negotiateVersion=1&{query}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("trackFormat", error.GetProperty("field").GetString());
        Assert.Contains("\"compact\"", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_console_asking_for_an_unknown_format_does_not_connect()
    {
        var token = await _app.TokenFor(MonitoringApp.DefaultUser);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => _app.ConnectConsoleAsync(token, trackFormat: "csv"));

        Assert.Contains("400", failure.Message);
    }

    /// <summary>Keeps every track push as "name json", so a test can also see the pushes it should not get.</summary>
    private static void Record(HubConnection connection, ConcurrentQueue<string> pushes)
    {
        foreach (var name in new[] { TrackFormats.FullPush, TrackFormats.CompactPush })
        {
            connection.On<JsonElement>(name, e => pushes.Enqueue($"{name} {e.GetRawText()}"));
        }
    }

    /// <summary>The recorded pushes of one name, parsed.</summary>
    private static IEnumerable<JsonElement> Pushes(ConcurrentQueue<string> pushes, string name)
        => pushes.Where(p => p.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(p => JsonDocument.Parse(p[(name.Length + 1)..]).RootElement);

    private static Task<Row> LatestRowAsync(ConcurrentQueue<string> pushes, string push, string sectorId, string trackId, DateTimeOffset lastAt)
        => Poll.ForAsync(
            () =>
            {
                var latest = Pushes(pushes, push)
                    .Where(b => b.GetProperty("sectorId").GetString() == sectorId)
                    .Select(b => new
                    {
                        Header = b.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToArray(),
                        Rows = b.GetProperty("rows").EnumerateArray().ToArray(),
                    })
                    .SelectMany(b => b.Rows.Select(r => new Row(b.Header, r)))
                    .LastOrDefault(r => r.Value("trackId").GetString() == trackId);
                return latest is not null && latest.Value("observedAtMs").GetInt64() == lastAt.ToUnixTimeMilliseconds() ? latest : null;
            },
            TimeSpan.FromSeconds(10),
            () => $"no {push} push with {trackId} at its latest position {lastAt.ToUnixTimeMilliseconds()}: {string.Join("\n", pushes)}");

    private static Task<JsonElement> LatestTrackAsync(ConcurrentQueue<string> pushes, string sectorId, string trackId, DateTimeOffset lastAt)
        => Poll.ForAsync<JsonElement>(
            () =>
            {
                var latest = Pushes(pushes, TrackFormats.FullPush)
                    .Where(b => b.GetProperty("sectorId").GetString() == sectorId)
                    .SelectMany(b => b.GetProperty("tracks").EnumerateArray())
                    .LastOrDefault(t => t.GetProperty("trackId").GetString() == trackId);
                return latest.ValueKind == JsonValueKind.Object && latest.GetProperty("observedAt").GetDateTimeOffset() == lastAt ? latest : (JsonElement?)null;
            },
            TimeSpan.FromSeconds(10),
            () => $"no tracks push with {trackId} at its latest position");

    /// <summary>One row of a trackRows push, read by the header's field names as a console would.</summary>
    private sealed record Row(string[] Header, JsonElement Values)
    {
        public JsonElement Value(string field) => Values[Array.IndexOf(Header, field)];
    }
}
