using Monitoring.Geo.Generation;
using Monitoring.Geo.Projection;
using Monitoring.Geo.Tests.Support;
using NetTopologySuite.Geometries;

namespace Monitoring.Geo.Tests.Generation;

/// <summary>The default data set has the properties domain.md "Base geometry" lists.</summary>
public sealed class MdlDataSetTests
{
    private static readonly Lazy<GeneratedMdl> Detailed = new(
        () => MdlDataSetFactory.GenerateDetailed(BaseLineReader.EmbeddedGeoJson(), new MdlParameters()));

    [Fact]
    public void Base_line_is_the_natural_earth_line()
    {
        var data = DefaultMdl.Data;
        Assert.Equal(44, data.BaseLine.Count);
        Assert.True(data.BaseLine[0].Lon < data.BaseLine[^1].Lon, "west to east");
        var length = Utm(data.BaseLine).Length;
        Assert.InRange(length, 200_000, 210_000);
    }

    [Fact]
    public void Markers_are_numbered_1_to_1292_at_equal_spacing_on_the_base_line()
    {
        var data = DefaultMdl.Data;
        Assert.Equal(1292, data.Markers.Count);
        Assert.Equal(Enumerable.Range(1, 1292), data.Markers.Select(m => m.Number));
        Assert.Equal(data.BaseLine[0], data.Markers[0].Position);
        Assert.Equal(data.BaseLine[^1], data.Markers[^1].Position);

        var baseLine = Utm(data.BaseLine);
        var spacing = baseLine.Length / 1291;
        var previous = -1.0;
        foreach (var marker in data.Markers)
        {
            var p = Point(marker.Position);
            // On the base line (to the 1e-7 degree rounding, about 1 cm) ...
            Assert.True(baseLine.Distance(p) < 0.02, $"marker {marker.Number} off the base line");
            // ... at arc length (n - 1) × spacing.
            var s = new NetTopologySuite.LinearReferencing.LengthIndexedLine(baseLine).Project(p.Coordinate);
            Assert.True(Math.Abs(s - ((marker.Number - 1) * spacing)) < 0.02, $"marker {marker.Number} at {s}, expected {(marker.Number - 1) * spacing}");
            Assert.True(s > previous);
            previous = s;
        }

        Assert.InRange(spacing, 150, 170);
    }

    [Fact]
    public void Map_line_is_densified_to_50_m()
    {
        var mapLine = Utm(DefaultMdl.Data.MapLine);
        var coordinates = mapLine.Coordinates;
        var baseLength = Utm(DefaultMdl.Data.BaseLine).Length;
        var arcs = Detailed.Value.MapLineArcLengths;
        for (var i = 1; i < arcs.Count; i++)
        {
            Assert.True(arcs[i] - arcs[i - 1] <= 50 + 1e-9, $"base spacing {arcs[i] - arcs[i - 1]} at vertex {i}");
        }

        Assert.Equal(coordinates.Length, arcs.Count);
        Assert.Equal(0, arcs[0]);
        Assert.Equal(baseLength, arcs[^1], 6);
        Assert.True(mapLine.IsSimple, "the map line must not cross itself");
    }

    [Fact]
    public void Map_line_offset_has_the_domain_statistics()
    {
        var offsets = Detailed.Value.MapLineOffsets;
        var arcs = Detailed.Value.MapLineArcLengths;
        double zeroLength = 0, total = arcs[^1];
        for (var i = 1; i < offsets.Count; i++)
        {
            var ds = arcs[i] - arcs[i - 1];
            if (offsets[i] == 0 && offsets[i - 1] == 0)
            {
                zeroLength += ds;
            }

            // Changes by no more than 1 m per 10 m along the line.
            Assert.True(Math.Abs(offsets[i] - offsets[i - 1]) <= 0.1 * ds, $"slope at vertex {i}");
        }

        Assert.InRange(zeroLength / total, 0.37, 0.43);
        Assert.All(offsets, o => Assert.InRange(Math.Abs(o), 0, 60));
        Assert.True(offsets.Max(Math.Abs) >= 30, "largest offset at least 30 m");

        // The generated offsets are what the geometry shows: distance to the base line matches
        // (within the 1e-7 degree rounding), and zero-offset vertices sit on the base line.
        var baseLine = Utm(DefaultMdl.Data.BaseLine);
        for (var i = 0; i < offsets.Count; i++)
        {
            var distance = baseLine.Distance(Point(DefaultMdl.Data.MapLine[i]));
            Assert.True(distance <= Math.Abs(offsets[i]) + 0.02, $"vertex {i}: {distance} vs offset {offsets[i]}");
            if (offsets[i] == 0)
            {
                Assert.True(distance < 0.02, $"zero-offset vertex {i} is {distance} m off the base line");
            }
        }
    }

    [Fact]
    public void Statuses_are_about_one_sixth_identified_in_runs_and_one_twentieth_damaged()
    {
        var markers = DefaultMdl.Data.Markers;
        var identified = markers.Count(m => m.Status == MarkerStatus.Identified);
        var damaged = markers.Count(m => m.Status == MarkerStatus.Damaged);
        Assert.InRange(identified / 1292.0, 1 / 6.0 - 0.03, 1 / 6.0 + 0.03);
        Assert.InRange(damaged / 1292.0, 0.03, 0.07);

        var inRuns = markers.Where((m, i) => m.Status == MarkerStatus.Identified
            && ((i > 0 && markers[i - 1].Status == MarkerStatus.Identified)
                || (i + 1 < markers.Count && markers[i + 1].Status == MarkerStatus.Identified))).Count();
        Assert.True(inRuns > identified / 2, "most identified markers have an identified neighbour, so verified zones exist");
    }

    [Fact]
    public void Sectors_are_every_4_km_with_the_remainder_in_the_last()
    {
        var sectors = DefaultMdl.Data.Sectors;
        var length = Utm(DefaultMdl.Data.BaseLine).Length;
        Assert.Equal(51, sectors.Count);
        for (var i = 0; i < sectors.Count; i++)
        {
            Assert.Equal($"S{i + 1:00}", sectors[i].SectorId);
            Assert.Equal(i, sectors[i].Index);
            Assert.Equal(i * 4000.0, sectors[i].StartM);
        }

        Assert.Equal(length, sectors[^1].EndM, 6);
        Assert.InRange(sectors[^1].EndM - sectors[^1].StartM, 4000, 8000);
    }

    [Fact]
    public void A_seed_is_a_data_set()
    {
        var again = MdlDataSetFactory.Generate();
        Assert.Equal(DefaultMdl.Data.MapLine, again.MapLine);
        Assert.Equal(DefaultMdl.Data.Markers, again.Markers);
        Assert.Equal(DefaultMdl.Data.Sectors, again.Sectors);

        var other = MdlDataSetFactory.Generate(new MdlParameters { Seed = 7 });
        Assert.NotEqual(DefaultMdl.Data.MapLine, other.MapLine);
        Assert.NotEqual(DefaultMdl.Data.Markers.Select(m => m.Status), other.Markers.Select(m => m.Status));
    }

    [Fact]
    public void Generated_coordinates_are_kept_to_1e7_degree()
    {
        foreach (var p in DefaultMdl.Data.MapLine.Concat(DefaultMdl.Data.Markers.Select(m => m.Position)))
        {
            Assert.Equal(Math.Round(p.Lon * 1e7) / 1e7, p.Lon);
            Assert.Equal(Math.Round(p.Lat * 1e7) / 1e7, p.Lat);
        }
    }

    [Fact]
    public void A_survey_changes_one_marker_only()
    {
        var data = DefaultMdl.Data;
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(9));
        var surveyed = data.WithMarkerSurvey(100, MarkerStatus.Damaged, null, at);
        Assert.Equal(new Marker(100, data.Markers[99].Position, MarkerStatus.Damaged, at), surveyed.Markers[99]);
        Assert.Equal(data.Markers.Where(m => m.Number != 100), surveyed.Markers.Where(m => m.Number != 100));
        Assert.Same(data.MapLine, surveyed.MapLine);

        var moved = data.WithMarkerSurvey(5, MarkerStatus.Identified, new LonLat(126.7, 37.9), at);
        Assert.Equal(new LonLat(126.7, 37.9), moved.Markers[4].Position);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.WithMarkerSurvey(0, MarkerStatus.Lost, null, at));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.WithMarkerSurvey(1293, MarkerStatus.Lost, null, at));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.WithMarkerSurvey(1, MarkerStatus.Lost, new LonLat(double.NaN, 1), at));
    }

    private static LineString Utm(IReadOnlyList<LonLat> line)
        => new GeometryFactory().CreateLineString(line.Select(p => Point(p).Coordinate).ToArray());

    private static Point Point(LonLat p)
    {
        UtmProjection.Zone52N.Forward(p.Lon, p.Lat, out var x, out var y);
        return new GeometryFactory().CreatePoint(new Coordinate(x, y));
    }
}
