namespace Monitoring.Host.Tests.Sectors;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// domain.md "Tracks": a track belongs to the sector of its latest report, and when it moves into the next
/// sector its verdict and open incident move with it, so the move raises no duplicate alert and no second
/// incident. Each test sends sensor tracks across the boundaries between sectors, through the real endpoint.
/// </summary>
public sealed class TrackHandOverTests : IAsyncLifetime
{
    private const double SectorLengthM = 4_000; // domain.md: the default sector length
    private const double FromBoundaryM = 40;
    private readonly MonitoringApp _app = new();
    private ReconciledMdl _mdl = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        _http = await _app.ClientFor("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_track_in_an_incident_that_moves_into_the_next_sector_takes_its_verdict_and_incident_along()
    {
        var crossings = Boundaries(8);
        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);

        // Crossed in the western sector: one crossed alert, one incident there.
        await PostAsync(sensors, crossings.Select(c => c.Report(1, c.West, t0)));
        foreach (var c in crossings)
        {
            Assert.Contains(await TracksAsync(c.WestSector), t => t.TrackId == c.Key && t.Verdict == "crossed" && t.IncidentId is not null);
        }

        // Still crossed, a few seconds later, in the eastern sector.
        await PostAsync(sensors, crossings.Select(c => c.Report(2, c.East, t0.AddSeconds(5))));

        await AssertEachHeldByTheEastAsync(crossings, [AlertKinds.Crossed]);
    }

    [Fact]
    public async Task A_track_that_crosses_into_the_next_sector_within_one_batch_is_held_by_that_sector_alone()
    {
        var crossings = Boundaries(8);
        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);

        // The first report in the west, the second (2 s later) in the east: one batch, two sectors.
        await PostAsync(sensors, crossings.SelectMany(c => new[]
        {
            c.Report(1, c.West, t0),
            c.Report(2, c.East, t0.AddSeconds(2)),
        }));

        await AssertEachHeldByTheEastAsync(crossings, [AlertKinds.Crossed]);
    }

    [Fact]
    public async Task A_known_track_that_crosses_into_the_next_sector_within_one_batch_keeps_its_history()
    {
        var crossings = Boundaries(8);
        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);

        // Approaching in the west first, then a batch that crosses there and moves on into the east.
        await PostAsync(sensors, crossings.Select(c => c.Report(0, c.Approach, t0)));
        await PostAsync(sensors, crossings.SelectMany(c => new[]
        {
            c.Report(1, c.West, t0.AddSeconds(3)),
            c.Report(2, c.East, t0.AddSeconds(5)),
        }));

        await AssertEachHeldByTheEastAsync(crossings, [AlertKinds.Approaching, AlertKinds.Crossed]);
    }

    [Fact]
    public async Task Two_batches_of_one_track_posted_at_once_into_two_sectors_leave_it_with_the_sector_of_its_latest_report()
    {
        var crossings = Boundaries(8);
        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);

        // Each track's two reports in two batches sent together, not waiting for the first 202: the west one,
        // then (2 s later by observedAt) the east one. Whichever the host takes first, the east holds the track.
        await Task.WhenAll(crossings.SelectMany(c => new[]
        {
            PostAsync(sensors, [c.Report(1, c.West, t0)]),
            PostAsync(sensors, [c.Report(2, c.East, t0.AddSeconds(2))]),
        }));

        await AssertEachHeldByTheEastAsync(crossings, [AlertKinds.Crossed]);
    }

    [Fact]
    public async Task A_late_report_from_the_sector_a_track_has_left_does_not_take_it_back()
    {
        var crossings = Boundaries(8);
        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);

        // The east report arrives first; the west one, observed 2 s earlier, arrives after it (a delayed link).
        await PostAsync(sensors, crossings.Select(c => c.Report(2, c.East, t0.AddSeconds(2))));
        await PostAsync(sensors, crossings.Select(c => c.Report(1, c.West, t0)));

        await AssertEachHeldByTheEastAsync(crossings, [AlertKinds.Crossed]);
    }

    private async Task AssertEachHeldByTheEastAsync(List<Crossing> crossings, string[] expectedKinds)
    {
        foreach (var c in crossings)
        {
            await AssertOneHolderAsync(c, expectedKinds);
        }
    }

    /// <summary>
    /// The track is in the eastern sector only, crossed, with one incident that has moved there too; its alerts,
    /// over both sectors, are exactly the expected kinds (the move raised nothing).
    /// </summary>
    private async Task AssertOneHolderAsync(Crossing c, string[] expectedKinds)
    {
        Assert.DoesNotContain(await TracksAsync(c.WestSector), t => t.TrackId == c.Key);
        var track = Assert.Single(await TracksAsync(c.EastSector), t => t.TrackId == c.Key);
        Assert.Equal("crossed", track.Verdict);
        Assert.Equal(c.East.Lon, track.Lon, 9);
        Assert.NotNull(track.IncidentId);

        var alerts = (await AlertsAsync(c.WestSector)).Concat(await AlertsAsync(c.EastSector))
            .Where(a => a.TrackId == c.Key).OrderBy(a => a.ObservedAt).ToArray();
        Assert.Equal(expectedKinds, alerts.Select(a => a.Kind));
        Assert.Equal([track.IncidentId], alerts.Where(a => a.Kind == AlertKinds.Crossed).Select(a => a.IncidentId));

        // The incident opens one-way from the sector; once open, it follows the track.
        JsonNode? incident = null;
        for (var i = 0; i < 200 && incident?["sectorId"]?.GetValue<string>() != c.EastSector; i++)
        {
            await Task.Delay(25);
            incident = await _http.GetFromJsonAsync<JsonNode>($"/api/incidents/{track.IncidentId}");
        }

        Assert.Equal(c.EastSector, incident?["sectorId"]?.GetValue<string>());
        var incidents = (await _http.GetFromJsonAsync<JsonArray>($"/api/incidents?sector={c.WestSector}"))!
            .Concat((await _http.GetFromJsonAsync<JsonArray>($"/api/incidents?sector={c.EastSector}"))!)
            .Where(n => n!["trackId"]!.GetValue<string>() == c.Key);
        Assert.Single(incidents);
    }

    /// <summary>The tracks of GET /api/sectors/{id}, as a console reads them.</summary>
    private async Task<SeenTrack[]> TracksAsync(string sectorId)
        => (await _http.GetFromJsonAsync<JsonObject>($"/api/sectors/{sectorId}"))!["tracks"]!.AsArray()
            .Select(t => new SeenTrack(
                t!["trackId"]!.GetValue<string>(),
                t["verdict"]!.GetValue<string>(),
                t["lon"]!.GetValue<double>(),
                t["incidentId"]?.GetValue<string>()))
            .ToArray();

    private async Task<Alert[]> AlertsAsync(string sectorId)
        => (await _http.GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}&limit=10000"))!;

    private static async Task PostAsync(HttpClient sensors, IEnumerable<JsonObject> reports)
    {
        var response = await sensors.PostAsync("/api/reports", Reports.Batch([.. reports]));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>
    /// Crossings of distinct sector boundaries, each by its own sensor track: 40 m west and 40 m east of the
    /// boundary, 20–25 m south of the reconciled line (crossed), and 60 m north of it (approaching).
    /// </summary>
    private List<Crossing> Boundaries(int count)
    {
        var found = new List<Crossing>();
        var sectors = _mdl.Sectors.Sectors;
        for (var k = 1; k < sectors.Count && found.Count < count; k++)
        {
            var boundary = k * SectorLengthM;
            if (Positions.AtDepth(_mdl, boundary - FromBoundaryM, 20) is not { } west
                || Positions.AtDepth(_mdl, boundary + FromBoundaryM, 25) is not { } east
                || Positions.AtDepth(_mdl, boundary - FromBoundaryM, -60) is not { } approach
                || Positions.SectorOf(_mdl, west) != sectors[k - 1].SectorId
                || Positions.SectorOf(_mdl, approach) != sectors[k - 1].SectorId
                || Positions.SectorOf(_mdl, east) != sectors[k].SectorId
                || VerdictAt(approach) != Verdict.Approaching
                || VerdictAt(west) != Verdict.Crossed
                || VerdictAt(east) != Verdict.Crossed)
            {
                continue;
            }

            var sensorId = $"eo-{sectors[k - 1].SectorId[1..]}a";
            var trackId = $"ho-{Guid.NewGuid():N}";
            found.Add(new Crossing(sectors[k - 1].SectorId, sectors[k].SectorId, sensorId, trackId, approach, west, east));
        }

        Assert.Equal(count, found.Count);
        return found;
    }

    /// <summary>The verdict for an eo-ir report there (its default accuracy, 5 m).</summary>
    private Verdict VerdictAt(LonLat p) => _mdl.Classify(p.Lon, p.Lat, 5, isAnimal: false).Verdict;

    private sealed record SeenTrack(string TrackId, string Verdict, double Lon, string? IncidentId);

    private sealed record Crossing(string WestSector, string EastSector, string SensorId, string TrackId, LonLat Approach, LonLat West, LonLat East)
    {
        /// <summary>The track's id in a sector: the sensor's own track id, under its sensor.</summary>
        public string Key => $"{SensorId}/{TrackId}";

        /// <summary>The track's report number n, at a position, as its sensor sends it.</summary>
        public JsonObject Report(int n, LonLat at, DateTimeOffset observedAt)
            => Reports.Report($"{TrackId}-{n}", SensorId, at.Lon, at.Lat, observedAt, trackId: TrackId);
    }
}
