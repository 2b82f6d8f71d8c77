using System.Text.Json;
using Monitoring.Geo.Tests.Support;

namespace Monitoring.Geo.Tests.Export;

/// <summary>GET /api/mdl output, its lossless reload, and the discrepancies brief.</summary>
public sealed class GeoJsonTests
{
    [Fact]
    public void Has_version_policy_and_every_layer()
    {
        using var document = JsonDocument.Parse(DefaultMdl.Jcs.ToGeoJson());
        var root = document.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt64());
        Assert.Equal("jcs-2025", root.GetProperty("policy").GetString());

        var features = root.GetProperty("features").EnumerateArray().ToList();
        var layers = features.GroupBy(f => f.GetProperty("properties").GetProperty("layer").GetString()!)
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(
            new[] { "disputed-band", "map-line", "marker", "reconciled-line", "sector", "unc-line", "verified-zone" },
            layers.Keys.Order());
        Assert.Equal(1292, layers["marker"].Count);
        Assert.Equal(51, layers["sector"].Count);

        var marker = layers["marker"][0].GetProperty("properties");
        Assert.Equal(1, marker.GetProperty("number").GetInt32());
        Assert.Contains(marker.GetProperty("status").GetString(), new[] { "identified", "damaged", "lost" });
        Assert.Equal(JsonValueKind.Null, marker.GetProperty("surveyedAt").ValueKind);

        var sector = layers["sector"][1].GetProperty("properties");
        Assert.Equal("S02", sector.GetProperty("sectorId").GetString());
        Assert.Equal(4000, sector.GetProperty("startM").GetDouble());
        Assert.Equal(8000, sector.GetProperty("endM").GetDouble());
        Assert.Equal("MultiPolygon", layers["sector"][1].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("MultiLineString", layers["reconciled-line"][0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.True(layers["verified-zone"][0].GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 10);
    }

    [Fact]
    public void Round_trip_is_lossless_including_surveys()
    {
        var at = new DateTimeOffset(2026, 1, 20, 14, 5, 33, 120, TimeSpan.FromHours(9));
        var data = DefaultMdl.Data
            .WithMarkerSurvey(640, MarkerStatus.Identified, new LonLat(127.4512345, 38.3012345), at)
            .WithMarkerSurvey(641, MarkerStatus.Damaged, null, at.AddDays(1));
        var mdl = ReconciledMdl.Build(data, MdlPolicy.Jcs2025, 7);
        var json = mdl.ToGeoJson();

        var loaded = MdlDataSetFactory.LoadGeoJson(json);
        Assert.Equal(data.BaseLine, loaded.BaseLine);
        Assert.Equal(data.MapLine, loaded.MapLine);
        Assert.Equal(data.Markers, loaded.Markers);
        Assert.Equal(data.Sectors, loaded.Sectors);
        Assert.Equal(data.Parameters, loaded.Parameters);

        Assert.Equal(json, ReconciledMdl.Build(loaded, MdlPolicy.Jcs2025, 7).ToGeoJson());
    }

    [Fact]
    public void Loads_a_file_without_base_line_or_sectors()
    {
        var data = DefaultMdl.Data;
        var json = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"layer\":\"map-line\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + Coordinates(data.MapLine) + "}},"
            + "{\"type\":\"Feature\",\"properties\":{\"layer\":\"unc-line\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + Coordinates(data.Markers.Select(m => m.Position)) + "}}]}";
        var loaded = MdlDataSetFactory.LoadGeoJson(json);
        Assert.Equal(1292, loaded.Markers.Count);
        Assert.All(loaded.Markers, m => Assert.Equal(MarkerStatus.Lost, m.Status));
        Assert.Equal(data.Markers.Select(m => m.Position), loaded.BaseLine);
        // K cuts the base line's corners, so it is a little shorter: 50 or 51 sectors of 4 km.
        Assert.InRange(loaded.Sectors.Count, 50, 51);
        Assert.Equal(0, loaded.Sectors[0].StartM);
        Assert.Throws<FormatException>(() => MdlDataSetFactory.LoadGeoJson("""{"type":"FeatureCollection","features":[]}"""));
    }

    [Fact]
    public void Discrepancies_list_stretches_by_marker_range()
    {
        var mdl = DefaultMdl.Jcs;
        var stretches = mdl.Discrepancies(20);
        Assert.NotEmpty(stretches);
        Assert.All(stretches, d =>
        {
            Assert.InRange(d.MaxGapM, 20, 90);
            Assert.True(d.FromMarker < d.ToMarker);
            Assert.True(d.LengthM >= 0);
            Assert.Equal(d.ToMarker - d.FromMarker + 1, d.Identified + d.Damaged + d.Lost);
        });
        Assert.True(stretches.Zip(stretches.Skip(1)).All(pair => pair.First.ToMarker <= pair.Second.FromMarker), "west to east, no overlap");
        Assert.True(mdl.Discrepancies(5).Sum(d => d.LengthM) > stretches.Sum(d => d.LengthM));
        Assert.Empty(mdl.Discrepancies(500));
        Assert.Throws<ArgumentOutOfRangeException>(() => mdl.Discrepancies(-1));
    }

    private static string Coordinates(IEnumerable<LonLat> points)
        => "[" + string.Join(",", points.Select(p => FormattableString.Invariant($"[{p.Lon:R},{p.Lat:R}]"))) + "]";
}
