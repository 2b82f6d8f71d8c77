using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;

namespace Monitoring.Geo.Generation;

/// <summary>
/// The 1953 markers: equal arc-length spacing along the base line (first and last on its ends),
/// and a seeded status for each. Identified markers come in runs of 1..5 (so verified zones exist);
/// a run starts with probability 1/16 and runs average 3 markers, which makes 1/6 identified overall;
/// a marker outside a run is damaged with probability 0.06, which makes 1/20 damaged overall.
/// </summary>
internal static class MarkerGenerator
{
    private const double RunStartProbability = 1.0 / 16;
    private const int LongestRun = 5;
    private const double DamagedProbability = 0.06;

    public static List<Marker> Create(Polyline baseUtm, int count, Random random, UtmProjection projection)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "At least two markers are needed.");
        }

        var statuses = Statuses(count, random);
        var markers = new List<Marker>(count);
        var spacing = baseUtm.Length / (count - 1);
        for (var i = 0; i < count; i++)
        {
            var s = i == count - 1 ? baseUtm.Length : i * spacing;
            baseUtm.PointAt(s, 0, out var x, out var y);
            projection.Inverse(x, y, out var lon, out var lat);
            markers.Add(new Marker(i + 1, CoordinateRounding.Round(new LonLat(lon, lat)), statuses[i], null));
        }

        return markers;
    }

    private static MarkerStatus[] Statuses(int count, Random random)
    {
        var statuses = new MarkerStatus[count];
        var i = 0;
        while (i < count)
        {
            if (random.NextDouble() < RunStartProbability)
            {
                var run = random.Next(1, LongestRun + 1);
                for (var k = 0; k < run && i < count; k++, i++)
                {
                    statuses[i] = MarkerStatus.Identified;
                }
            }
            else
            {
                statuses[i++] = random.NextDouble() < DamagedProbability ? MarkerStatus.Damaged : MarkerStatus.Lost;
            }
        }

        return statuses;
    }
}
