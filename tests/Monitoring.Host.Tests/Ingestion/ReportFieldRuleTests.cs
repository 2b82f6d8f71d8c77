using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Monitoring.Geo;

namespace Monitoring.Host.Tests.Ingestion;

/// <summary>
/// api.md's field table, rule by rule: a report that breaks one rule, placed at index 1 between two valid
/// crossing reports, gets 400 problem+json naming index 1 and the field, and nothing of the batch applies.
/// Each rule runs once as a JSON array and once as NDJSON.
/// </summary>
public sealed class ReportFieldRuleTests(IngestionHost host) : IClassFixture<IngestionHost>
{
    /// <summary>The sector of the valid neighbours (index 0 and 2) and the sector the bad report would land in.</summary>
    private const string ValidSector = "S20";
    private const string BadSector = "S21";

    /// <summary>Accepted values are sent to their own sector so they never disturb the rejection probes.</summary>
    private const string AcceptSector = "S22";

    private static readonly Dictionary<string, BadCase> Bad = new()
    {
        // reportId: required, 1–128 characters.
        ["reportId missing"] = new("reportId", Remove("reportId")),
        ["reportId null"] = new("reportId", Set("reportId", () => null)),
        ["reportId empty"] = new("reportId", Set("reportId", () => "")),
        ["reportId 129 characters"] = new("reportId", Set("reportId", () => new string('r', 129))),
        ["reportId a number"] = new("reportId", Set("reportId", () => 123)),
        ["reportId an unpaired surrogate escape"] = new("reportId", Raw("reportId", "\"\\uD800\"")),

        // sensorId: required, in the catalogue.
        ["sensorId missing"] = new("sensorId", Remove("sensorId")),
        ["sensorId null"] = new("sensorId", Set("sensorId", () => null)),
        ["sensorId empty"] = new("sensorId", Set("sensorId", () => "")),
        ["sensorId unknown"] = new("sensorId", Set("sensorId", () => "rdr-999")),
        ["sensorId in the wrong case"] = new("sensorId", Set("sensorId", () => "RDR-21")),
        ["sensorId a number"] = new("sensorId", Set("sensorId", () => 21)),

        // observedAt: required, RFC 3339, at most 30 s ahead, at most 24 h old.
        ["observedAt missing"] = new("observedAt", Remove("observedAt")),
        ["observedAt null"] = new("observedAt", Set("observedAt", () => null)),
        ["observedAt empty"] = new("observedAt", Set("observedAt", () => "")),
        ["observedAt not a time"] = new("observedAt", Set("observedAt", () => "yesterday")),
        ["observedAt a unix time number"] = new("observedAt", Set("observedAt", () => DateTimeOffset.UtcNow.ToUnixTimeSeconds())),
        ["observedAt RFC 1123 (not RFC 3339)"] = new("observedAt", Set("observedAt", () => DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture))),
        ["observedAt without an offset (not RFC 3339)"] = new("observedAt", Set("observedAt", () => DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))),
        ["observedAt offset without a colon (not RFC 3339)"] = new("observedAt", Set("observedAt", () => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0900")),
        ["observedAt with a trailing newline"] = new("observedAt", Set("observedAt", () => IngestionHost.Stamp(DateTimeOffset.UtcNow) + "\n")),
        ["observedAt with a leading space"] = new("observedAt", Set("observedAt", () => " " + IngestionHost.Stamp(DateTimeOffset.UtcNow))),
        ["observedAt a date only"] = new("observedAt", Set("observedAt", () => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        ["observedAt 60 s ahead"] = new("observedAt", Set("observedAt", () => IngestionHost.Stamp(DateTimeOffset.UtcNow.AddSeconds(60)))),
        ["observedAt a year ahead"] = new("observedAt", Set("observedAt", () => IngestionHost.Stamp(DateTimeOffset.UtcNow.AddYears(1)))),
        ["observedAt 24 h 1 min old"] = new("observedAt", Set("observedAt", () => IngestionHost.Stamp(DateTimeOffset.UtcNow - TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1)))),
        ["observedAt at the start of the calendar with an offset"] = new("observedAt", Set("observedAt", () => "0001-01-01T00:00:00+01:00")),
        ["observedAt at the end of the calendar with an offset"] = new("observedAt", Set("observedAt", () => "9999-12-31T23:59:59-01:00")),

        // lon, lat: required, finite, inside the monitored area.
        ["lon missing"] = new("lon", Remove("lon")),
        ["lat missing"] = new("lat", Remove("lat")),
        ["lon null"] = new("lon", Set("lon", () => null)),
        ["lat a number in a string"] = new("lat", Set("lat", () => "38.1")),
        ["lat a boolean"] = new("lat", Set("lat", () => true)),
        ["lat \"NaN\""] = new("lat", Set("lat", () => "NaN")),
        ["lon \"NaN\""] = new("lon", Set("lon", () => "NaN")),
        ["lat \"Infinity\""] = new("lat", Set("lat", () => "Infinity")),
        ["lon \"-Infinity\""] = new("lon", Set("lon", () => "-Infinity")),
        ["lat bare NaN (malformed JSON)"] = new("lat", Raw("lat", "NaN")),
        ["lat bare Infinity (malformed JSON)"] = new("lat", Raw("lat", "Infinity")),
        ["lon bare -Infinity (malformed JSON)"] = new("lon", Raw("lon", "-Infinity")),
        ["lat 1e400 (too large for a double)"] = new("lat", Raw("lat", "1e400")),
        ["lon -1e400 (too large for a double)"] = new("lon", Raw("lon", "-1e400")),
        ["lat 90.1"] = new("lat", Set("lat", () => 90.1)),
        ["lat -90.1"] = new("lat", Set("lat", () => -90.1)),
        ["lon 180.1"] = new("lon", Set("lon", () => 180.1)),
        ["position in Seoul"] = new("lon|lat", Position(_ => new LonLat(126.98, 37.57))),
        ["position 3 km north of the line"] = new("lon|lat", Position(h => Along(h, BadSector, -3000))),
        ["position 6 km south of the line"] = new("lon|lat", Position(h => Along(h, BadSector, 6000))),
        ["position at 0,0"] = new("lon|lat", Position(_ => new LonLat(0, 0))),

        // accuracyM: optional, 0 < a ≤ 1000.
        ["accuracyM 0"] = new("accuracyM", Set("accuracyM", () => 0)),
        ["accuracyM negative"] = new("accuracyM", Set("accuracyM", () => -5)),
        ["accuracyM 1000.1"] = new("accuracyM", Set("accuracyM", () => 1000.1)),
        ["accuracyM in a string"] = new("accuracyM", Set("accuracyM", () => "15")),
        ["accuracyM \"NaN\""] = new("accuracyM", Set("accuracyM", () => "NaN")),
        ["accuracyM 1e400"] = new("accuracyM", Raw("accuracyM", "1e400")),

        // class: required, person | vehicle | animal | unknown.
        ["class missing"] = new("class", Remove("class")),
        ["class null"] = new("class", Set("class", () => null)),
        ["class empty"] = new("class", Set("class", () => "")),
        ["class not in the list"] = new("class", Set("class", () => "dog")),
        ["class capitalised"] = new("class", Set("class", () => "Person")),
        ["class a number"] = new("class", Set("class", () => 1)),

        // count: optional integer ≥ 1.
        ["count 0"] = new("count", Set("count", () => 0)),
        ["count negative"] = new("count", Set("count", () => -1)),
        ["count 1.5"] = new("count", Set("count", () => 1.5)),
        ["count \"3\""] = new("count", Set("count", () => "3")),
        ["count a boolean"] = new("count", Set("count", () => true)),
        ["count 1e400"] = new("count", Raw("count", "1e400")),

        // trackId: optional, ≤ 128 characters.
        ["trackId 129 characters"] = new("trackId", Set("trackId", () => new string('t', 129))),
        ["trackId a number"] = new("trackId", Set("trackId", () => 7)),
    };

    private static readonly Dictionary<string, Func<IngestionHost, JsonObject>> Good = new()
    {
        ["reportId 1 character"] = h => With(h.Crossing(AcceptSector), "reportId", "a"),
        ["reportId 128 characters"] = h => With(h.Crossing(AcceptSector), "reportId", Guid.NewGuid().ToString("N").PadRight(128, 'r')),
        ["observedAt with a +09:00 offset"] = h => With(h.Crossing(AcceptSector), "observedAt", DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)),
        ["observedAt without fractional seconds"] = h => With(h.Crossing(AcceptSector), "observedAt", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ["observedAt with 7 fractional digits"] = h => With(h.Crossing(AcceptSector), "observedAt", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
        ["observedAt with lower-case t and z (RFC 3339 5.6)"] = h => With(h.Crossing(AcceptSector), "observedAt", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd't'HH:mm:ss.fff'z'", CultureInfo.InvariantCulture)),
        ["observedAt 20 s ahead"] = h => h.Crossing(AcceptSector, observedAt: DateTimeOffset.UtcNow.AddSeconds(20)),
        ["observedAt 23 h 59 min old"] = h => h.Crossing(AcceptSector, observedAt: DateTimeOffset.UtcNow - TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)),
        ["position 1.9 km north of the line"] = h => AtOffset(h, -1900),
        ["position 4.9 km south of the line"] = h => AtOffset(h, 4900),
        ["accuracyM 1000"] = h => With(h.Crossing(AcceptSector), "accuracyM", 1000),
        ["accuracyM 0.5"] = h => With(h.Crossing(AcceptSector), "accuracyM", 0.5),
        ["accuracyM null (optional)"] = h => With(h.Crossing(AcceptSector), "accuracyM", null),
        ["class person"] = h => h.Crossing(AcceptSector, "person"),
        ["class vehicle"] = h => h.Crossing(AcceptSector, "vehicle"),
        ["class animal"] = h => h.Crossing(AcceptSector, "animal"),
        ["class unknown"] = h => h.Crossing(AcceptSector, "unknown"),
        ["count 1"] = h => With(h.Crossing(AcceptSector), "count", 1),
        ["count 30"] = h => With(h.Crossing(AcceptSector), "count", 30),
        ["count null (optional)"] = h => With(h.Crossing(AcceptSector), "count", null),
        ["trackId 128 characters"] = h => With(h.Crossing(AcceptSector), "trackId", Guid.NewGuid().ToString("N").PadRight(128, 't')),
        ["fields the table does not know are ignored"] = h => With(With(h.Crossing(AcceptSector), "headingDeg", 270), "vendor", "acme"),
    };

    public static TheoryData<string> BadRules => [.. Bad.Keys];

    public static TheoryData<string> GoodValues => [.. Good.Keys];

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task A_json_array_with_one_bad_report_is_refused_whole_naming_its_index_and_field(string rule)
    {
        var (first, bad, badText, last) = Batch(rule);
        var body = IngestionHost.ArrayOf(first.ToJsonString(), badText, last.ToJsonString());

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(body)), HttpStatusCode.BadRequest, first, bad, last);

        AssertNames(problem, Bad[rule].Field);
    }

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task An_ndjson_body_with_one_bad_line_is_refused_whole_naming_its_index_and_field(string rule)
    {
        var (first, bad, badText, last) = Batch(rule);

        var problem = await host.AssertRejectedAsync(
            () => host.PostAsync(IngestionHost.Ndjson(first.ToJsonString(), badText, last.ToJsonString())), HttpStatusCode.BadRequest, first, bad, last);

        AssertNames(problem, Bad[rule].Field);
    }

    [Fact]
    public async Task Every_bad_field_of_every_bad_report_is_named_in_one_answer()
    {
        var first = host.Crossing(ValidSector, fraction: 0.4);
        var second = host.Crossing(BadSector);
        var third = host.Crossing(ValidSector, fraction: 0.6);
        var fourth = host.Crossing(BadSector, fraction: 0.7);
        var badSecond = With(With(second.DeepClone().AsObject(), "lat", 90.1), "class", "dog");
        var badFourth = With(fourth.DeepClone().AsObject(), "count", 0);
        var body = IngestionHost.ArrayOf(first.ToJsonString(), badSecond.ToJsonString(), third.ToJsonString(), badFourth.ToJsonString());

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(body)), HttpStatusCode.BadRequest, first, second, third, fourth);

        problem.Names(1, "lat");
        problem.Names(1, "class");
        problem.Names(3, "count");
        Assert.All(problem.Errors, e => Assert.Contains(e.Index, new int?[] { 1, 3 }));
    }

    [Theory]
    [MemberData(nameof(GoodValues))]
    public async Task A_value_inside_the_rules_is_accepted_and_applied(string value)
    {
        var report = Good[value](host);
        var sector = IngestionHost.SectorOfSensor((string)report["sensorId"]!);
        var before = await host.LastSeqAsync(sector);

        var (accepted, duplicates) = await host.AssertAcceptedAsync(IngestionHost.Json(IngestionHost.ArrayOf(report.ToJsonString())));

        Assert.Equal(1, accepted);
        Assert.Equal(0, duplicates);
        Assert.Contains(IngestionHost.TrackOf(report), await host.TrackIdsAsync(sector));

        // Applied means decided: a new track raises an alert exactly when its first verdict is not clear.
        var verdict = host.Expected(report);
        var alerts = (await host.AlertsAfterAsync(sector, before)).Where(a => a.GetProperty("trackId").GetString() == IngestionHost.TrackOf(report)).ToArray();
        if (verdict == Verdict.Clear)
        {
            Assert.Empty(alerts);
        }
        else
        {
            var alert = Assert.Single(alerts);
            Assert.Equal(verdict.ToString().ToLowerInvariant(), alert.GetProperty("kind").GetString());
            Assert.Equal((string)report["reportId"]!, alert.GetProperty("reportId").GetString());
        }
    }

    private (JsonObject First, JsonObject Bad, string BadText, JsonObject Last) Batch(string rule)
    {
        var first = host.Crossing(ValidSector, fraction: 0.4);
        var bad = host.Crossing(BadSector);
        var last = host.Crossing(ValidSector, fraction: 0.6);
        var badText = Bad[rule].Make(bad.DeepClone().AsObject(), host);
        return (first, bad, badText, last);
    }

    private static void AssertNames(Problem problem, string fields)
    {
        var names = fields.Split('|');
        Assert.True(
            problem.Errors.Any(e => e.Index == 1 && names.Contains(e.Field)),
            $"expected an error at index 1 for {fields}: {problem.Raw}");
        problem.OnlyBlames(1);
    }

    private static LonLat Along(IngestionHost h, string sectorId, double offsetSouthM)
    {
        var sector = h.Mdl.Sectors.Sectors.Single(s => s.SectorId == sectorId);
        var p = h.Mdl.Sectors.PointAt((sector.StartM + sector.EndM) / 2, offsetSouthM);
        Assert.False(h.Mdl.Sectors.TryLocate(p.Lon, p.Lat, out _), $"{p} should be outside the monitored area");
        return p;
    }

    private static JsonObject AtOffset(IngestionHost h, double offsetSouthM)
    {
        var report = h.Crossing(AcceptSector);
        var p = h.PointIn(AcceptSector, offsetSouthM);
        report["lon"] = p.Lon;
        report["lat"] = p.Lat;
        return report;
    }

    private static JsonObject With(JsonObject report, string field, JsonNode? value)
    {
        report[field] = value;
        return report;
    }

    private static Func<JsonObject, IngestionHost, string> Remove(string field)
        => (r, _) =>
        {
            Assert.True(r.Remove(field));
            return r.ToJsonString();
        };

    private static Func<JsonObject, IngestionHost, string> Set(string field, Func<JsonNode?> value)
        => (r, _) => With(r, field, value()).ToJsonString();

    /// <summary>Puts a token JSON cannot carry as a value (NaN, 1e400, a bad escape) in verbatim.</summary>
    private static Func<JsonObject, IngestionHost, string> Raw(string field, string token)
        => (r, _) =>
        {
            const string Placeholder = "__raw_token__";
            r[field] = Placeholder;
            var text = r.ToJsonString();
            Assert.Contains($"\"{Placeholder}\"", text, StringComparison.Ordinal);
            return text.Replace($"\"{Placeholder}\"", token, StringComparison.Ordinal);
        };

    private static Func<JsonObject, IngestionHost, string> Position(Func<IngestionHost, LonLat> at)
        => (r, h) =>
        {
            var p = at(h);
            r["lon"] = p.Lon;
            r["lat"] = p.Lat;
            return r.ToJsonString();
        };

    private sealed record BadCase(string Field, Func<JsonObject, IngestionHost, string> Make);
}
