using Monitoring.Geo.Tests.Support;

namespace Monitoring.Geo.Tests;

/// <summary>domain.md "The sector of a point" and the monitored area rule written in docs/geo.md.</summary>
public sealed class SectorMapTests
{
    private static SectorMap Map => DefaultMdl.Jcs.Sectors;

    [Fact]
    public void Sector_boundaries_every_4_km_route_to_the_right_sector()
    {
        const double eps = 0.01;
        Assert.Equal(51, Map.Sectors.Count);
        for (var k = 1; k < Map.Sectors.Count; k++)
        {
            Assert.Equal(k - 1, Locate(Map.PointAt((k * 4000) - eps, 0)));
            Assert.Equal(k, Locate(Map.PointAt((k * 4000) + eps, 0)));
        }

        Assert.Equal(0, Locate(Map.PointAt(eps, 0)));
    }

    [Fact]
    public void The_last_sector_takes_the_remainder()
    {
        var length = Map.TotalLengthM;
        Assert.True(length - (51 * 4000) < 4000 && length > 51 * 4000);
        Assert.Equal(50, Locate(Map.PointAt((51 * 4000) + 1, 0)));
        Assert.Equal(50, Locate(Map.PointAt(length - 1, 0)));
        Assert.Equal(50, Locate(Map.PointAt(length, 0)));
        Assert.Equal(length, Map.Sectors[^1].EndM, 6);
    }

    [Theory]
    [InlineData(-1999, true)]
    [InlineData(-2001, false)]
    [InlineData(4999, true)]
    [InlineData(5001, false)]
    [InlineData(0, true)]
    public void Monitored_area_reaches_2_km_north_and_5_km_south(double offset, bool inside)
    {
        var s = MiddleOfLongestSegment();
        var p = Map.PointAt(s, offset);
        Assert.Equal(inside, Map.TryLocate(p.Lon, p.Lat, out var sector));
        Assert.True(Map.TryMeasure(p.Lon, p.Lat, out var measuredS, out var measuredOffset));
        Assert.Equal(offset, measuredOffset, 1e-6);
        Assert.Equal(s, measuredS, 1e-6);
        if (inside)
        {
            Assert.Equal((int)(s / 4000), sector);
        }
        else
        {
            Assert.Equal(-1, sector);
        }
    }

    [Fact]
    public void Points_beyond_the_end_caps_are_outside()
    {
        var length = Map.TotalLengthM;
        // On the perpendicular through an end: inside.
        Assert.Equal(0, Locate(Map.PointAt(0, 300)));
        Assert.Equal(50, Locate(Map.PointAt(length, -300)));

        // 100 m before the start and after the end, straight on: outside.
        var start = Map.PointAt(0, 0);
        var ahead = Map.PointAt(100, 0);
        Assert.False(Map.TryLocate((2 * start.Lon) - ahead.Lon, (2 * start.Lat) - ahead.Lat, out _));
        var end = Map.PointAt(length, 0);
        var behind = Map.PointAt(length - 100, 0);
        Assert.False(Map.TryLocate((2 * end.Lon) - behind.Lon, (2 * end.Lat) - behind.Lat, out _));
    }

    [Theory]
    [InlineData(double.NaN, 38.0)]
    [InlineData(127.5, double.NaN)]
    [InlineData(double.PositiveInfinity, 38.0)]
    [InlineData(127.5, double.NegativeInfinity)]
    [InlineData(127.5, 90.1)]
    [InlineData(127.5, -90.1)]
    [InlineData(180.5, 38.0)]
    [InlineData(127.5, 45.0)]
    [InlineData(120.0, 38.0)]
    public void Bad_or_far_positions_are_rejected(double lon, double lat)
    {
        Assert.False(Map.TryLocate(lon, lat, out var sector));
        Assert.Equal(-1, sector);
    }

    [Fact]
    public void Point_at_is_on_the_right_hand_side()
    {
        var s = MiddleOfLongestSegment();
        var onLine = Map.PointAt(s, 0);
        var south = Map.PointAt(s, 1000);
        // The longest segment heads roughly east, so south of it is a smaller latitude.
        Assert.True(south.Lat < onLine.Lat);
        Assert.Throws<ArgumentOutOfRangeException>(() => Map.PointAt(double.NaN, 0));
    }

    private static int Locate(LonLat p) => Map.TryLocate(p.Lon, p.Lat, out var sector) ? sector : -1;

    private static double MiddleOfLongestSegment()
    {
        var line = DefaultMdl.Data.BaseLine;
        var arcs = line.Select(p => Map.TryMeasure(p.Lon, p.Lat, out var s, out _) ? s : double.NaN).ToArray();
        var best = Enumerable.Range(0, line.Count - 1).MaxBy(i => arcs[i + 1] - arcs[i]);
        return (arcs[best] + arcs[best + 1]) / 2;
    }
}
