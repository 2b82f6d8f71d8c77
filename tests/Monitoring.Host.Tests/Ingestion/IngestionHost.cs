using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Tests.Infrastructure;

namespace Monitoring.Host.Tests.Ingestion;

/// <summary>
/// One real host per test class (xunit class fixture) plus the helpers the ingestion tests share:
/// positions in a sector, crossing reports, and the "was anything applied?" probes.
/// </summary>
public sealed class IngestionHost : IAsyncLifetime
{
    public const string ReportsPath = "/api/reports";

    private ReconciledMdl? _mdl;
    private HttpClient? _sensor;
    private HttpClient? _anonymous;
    private HttpClient? _reader;

    public MonitoringApp App { get; } = new();

    /// <summary>A client that sends the sensor key.</summary>
    public HttpClient Sensor => _sensor ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client without X-Api-Key.</summary>
    public HttpClient Anonymous => _anonymous ?? throw new InvalidOperationException("Not started.");

    public ReconciledMdl Mdl => _mdl ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _anonymous = await App.StartAsync();
        _sensor = App.SensorClient();
        _reader = await App.ClientFor("observer"); // the probes read sectors and alerts: every sector, read only
        _mdl = App.Services.GetRequiredService<MdlSnapshots>().Require();
    }

    public async Task DisposeAsync()
    {
        _sensor?.Dispose();
        _reader?.Dispose();
        _anonymous?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>"S07" → "07", the number the sensor ids carry.</summary>
    public static string Number(string sectorId) => sectorId[1..];

    public static string Radar(string sectorId) => $"rdr-{Number(sectorId)}";

    public static string Stamp(DateTimeOffset at)
        => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A point of the sector (at a fraction of its arc range), offset metres south (negative: north) of the base line.</summary>
    public LonLat PointIn(string sectorId, double offsetSouthM, double fraction = 0.5)
    {
        var sector = Mdl.Sectors.Sectors.Single(s => s.SectorId == sectorId);
        var p = Mdl.Sectors.PointAt(sector.StartM + ((sector.EndM - sector.StartM) * fraction), offsetSouthM);
        Assert.True(Mdl.Sectors.TryLocate(p.Lon, p.Lat, out var index), $"{p} should be inside the monitored area");
        Assert.Equal(sectorId, Mdl.Sectors.Sectors[index].SectorId);
        return p;
    }

    /// <summary>
    /// A valid report of a new track of this sector's radar, 300 m south of the base line: a crossing
    /// that raises an alert if (and only if) it is applied.
    /// </summary>
    public JsonObject Crossing(string sectorId, string @class = "person", DateTimeOffset? observedAt = null, double fraction = 0.5)
    {
        var p = PointIn(sectorId, 300, fraction);
        var sensor = Radar(sectorId);
        Assert.Equal(Verdict.Crossed, Mdl.Classify(p.Lon, p.Lat, 15, @class == "animal").Verdict);
        return Reports.Report(NewId(sensor), sensor, p.Lon, p.Lat, observedAt ?? DateTimeOffset.UtcNow, @class, trackId: NewId("t"));
    }

    /// <summary>The verdict the MDL gives a report (accuracy: the report's, or its sensor's default).</summary>
    public Verdict Expected(JsonObject report)
    {
        Assert.True(App.Services.GetRequiredService<SensorCatalog>().TryGet((string)report["sensorId"]!, out var sensor));
        var accuracy = report["accuracyM"] is { } a ? double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture) : sensor.DefaultAccuracyM;
        return Mdl.Classify((double)report["lon"]!, (double)report["lat"]!, accuracy, (string)report["class"]! == "animal").Verdict;
    }

    public static StringContent Json(string body, string mediaType = "application/json")
        => new(body, Encoding.UTF8, mediaType);

    public static StringContent Ndjson(params string[] lines)
        => new(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");

    /// <summary>"[a,b,...]" from raw JSON texts, so a test can put malformed text at a chosen index.</summary>
    public static string ArrayOf(params string[] reports) => "[" + string.Join(',', reports) + "]";

    public Task<HttpResponseMessage> PostAsync(HttpContent content, HttpClient? client = null)
        => (client ?? Sensor).PostAsync(ReportsPath, content);

    public async Task<long> LastSeqAsync(string sectorId)
    {
        using var doc = await GetJsonAsync($"/api/sectors/{sectorId}");
        return doc.RootElement.GetProperty("lastSeq").GetInt64();
    }

    public async Task<JsonElement[]> AlertsAfterAsync(string sectorId, long after)
    {
        using var doc = await GetJsonAsync($"/api/alerts?sector={sectorId}&after={after}&limit=10000");
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public async Task<string[]> TrackIdsAsync(string sectorId)
    {
        using var doc = await GetJsonAsync($"/api/sectors/{sectorId}");
        return doc.RootElement.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("trackId").GetString()!).ToArray();
    }

    /// <summary>The server's track id for a report that carries its own trackId.</summary>
    public static string TrackOf(JsonObject report)
        => $"{(string)report["sensorId"]!}/{(string)report["trackId"]!}";

    public static string SectorOfSensor(string sensorId)
        => "S" + sensorId.Split('-')[1][..2];

    /// <summary>
    /// Sends a batch that must be refused, and proves that nothing of it was applied: the sectors of the
    /// <paramref name="wouldApply"/> reports keep their last seq, show no new alert and no new track.
    /// </summary>
    public async Task<Problem> AssertRejectedAsync(
        Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, params JsonObject[] wouldApply)
    {
        var sectors = wouldApply.Select(r => SectorOfSensor((string)r["sensorId"]!)).Distinct().ToArray();
        var before = new Dictionary<string, long>();
        foreach (var sector in sectors)
        {
            before[sector] = await LastSeqAsync(sector);
        }

        using var response = await send();
        var problem = await Problem.ReadAsync(response, expected);

        foreach (var sector in sectors)
        {
            Assert.Equal(before[sector], await LastSeqAsync(sector));
            Assert.Empty(await AlertsAfterAsync(sector, before[sector]));
            var tracks = await TrackIdsAsync(sector);
            foreach (var report in wouldApply.Where(r => SectorOfSensor((string)r["sensorId"]!) == sector && r["trackId"] is not null))
            {
                Assert.DoesNotContain(TrackOf(report), tracks);
            }
        }

        return problem;
    }

    /// <summary>Posts a batch that must be accepted whole and returns the 202 body.</summary>
    public async Task<(int Accepted, int Duplicates)> AssertAcceptedAsync(HttpContent content)
    {
        using var response = await PostAsync(content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        return (doc.RootElement.GetProperty("accepted").GetInt32(), doc.RootElement.GetProperty("duplicates").GetInt32());
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _reader!.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}

/// <summary>A problem+json answer as a sensor reads it.</summary>
public sealed record Problem(int Status, IReadOnlyList<ProblemError> Errors, string Raw)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"never a 5xx for bad input; got {(int)response.StatusCode}: {text}");
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        Assert.True(root.TryGetProperty("errors", out var errors), $"problem without errors: {text}");
        var list = errors.EnumerateArray().Select(e => new ProblemError(
            e.GetProperty("index").ValueKind == JsonValueKind.Null ? null : e.GetProperty("index").GetInt32(),
            e.GetProperty("field").GetString() ?? "",
            e.GetProperty("reason").GetString() ?? "")).ToArray();
        Assert.NotEmpty(list);
        Assert.All(list, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"an error without a reason: {text}"));
        return new Problem((int)expected, list, text);
    }

    /// <summary>Some error names exactly this index and field.</summary>
    public ProblemError Names(int? index, string field)
    {
        var match = Errors.FirstOrDefault(e => e.Index == index && e.Field == field);
        Assert.True(match is not null, $"expected an error at index {index?.ToString(CultureInfo.InvariantCulture) ?? "null"} for '{field}': {Raw}");
        return match!;
    }

    /// <summary>Every error is about this report (or the whole body): a valid neighbour is never blamed.</summary>
    public void OnlyBlames(int index)
        => Assert.All(Errors, e => Assert.True(e.Index is null || e.Index == index, $"an error blames index {e.Index}, not {index}: {Raw}"));
}

public sealed record ProblemError(int? Index, string Field, string Reason);
