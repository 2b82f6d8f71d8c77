using Monitoring.Geo.Projection;

namespace Monitoring.Geo.Tests.Projection;

/// <summary>The shared ProjNet transform behind every distance: EPSG:32652, exact round trips, no allocation.</summary>
public sealed class UtmProjectionTests
{
    [Fact]
    public void Central_meridian_and_false_easting_are_those_of_zone_52N()
    {
        UtmProjection.Zone52N.Forward(129, 0, out var x, out var y);
        Assert.Equal(500_000, x, 1e-6);
        Assert.Equal(0, y, 1e-6);

        // On the central meridian northing is k0 × the meridian arc: 0.9996 × 4,207,498.02 m at 38°N.
        UtmProjection.Zone52N.Forward(129, 38, out x, out y);
        Assert.Equal(500_000, x, 1e-6);
        Assert.Equal(0.9996 * 4_207_498.02, y, 0.05);
    }

    [Fact]
    public void Round_trips_over_the_area_to_well_under_a_millimetre()
    {
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var lon = 126.3 + (random.NextDouble() * 2.4);
            var lat = 37.5 + (random.NextDouble() * 1.4);
            UtmProjection.Zone52N.Forward(lon, lat, out var x, out var y);
            UtmProjection.Zone52N.Inverse(x, y, out var lon2, out var lat2);
            Assert.True(Math.Abs(lon - lon2) < 1e-9 && Math.Abs(lat - lat2) < 1e-9, $"{lon},{lat} → {lon2},{lat2}");
        }
    }

    [Fact]
    public void Forward_allocates_nothing()
    {
        UtmProjection.Zone52N.Forward(127.5, 38.2, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            UtmProjection.Zone52N.Forward(127.5 + (i * 1e-5), 38.2, out var x, out _);
            sum += x;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
