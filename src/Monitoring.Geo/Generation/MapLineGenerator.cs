using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;

namespace Monitoring.Geo.Generation;

/// <summary>
/// The map line M: the base line densified to at most 50 m between vertices, each vertex moved
/// sideways by the offset profile. Interior vertices of the base line move along the bisector of
/// the two neighbouring normals; all others along their segment's right normal.
/// </summary>
internal static class MapLineGenerator
{
    public const double MaxVertexSpacingM = 50;

    public static (List<LonLat> Line, List<double> Offsets, List<double> ArcLengths) Create(
        IReadOnlyList<LonLat> baseLine, Polyline baseUtm, OffsetProfile profile, UtmProjection projection)
    {
        var line = new List<LonLat>();
        var offsets = new List<double>();
        var arcs = new List<double>();
        for (var i = 0; i < baseUtm.SegmentCount; i++)
        {
            var length = baseUtm.Cumulative[i + 1] - baseUtm.Cumulative[i];
            var pieces = Math.Max(1, (int)Math.Ceiling(length / MaxVertexSpacingM));
            var ux = (baseUtm.X[i + 1] - baseUtm.X[i]) / length;
            var uy = (baseUtm.Y[i + 1] - baseUtm.Y[i]) / length;
            for (var k = 0; k < pieces; k++)
            {
                var s = baseUtm.Cumulative[i] + (length * k / pieces);
                var offset = profile.At(s);
                double nx = uy, ny = -ux;
                if (k == 0 && i > 0)
                {
                    (nx, ny) = Bisector(baseUtm, i);
                }

                line.Add(Place(baseLine, baseUtm, i, k, pieces, offset, nx, ny, projection));
                offsets.Add(offset);
                arcs.Add(s);
            }
        }

        var last = baseUtm.Count - 1;
        var endOffset = profile.At(baseUtm.Length);
        var lastDx = baseUtm.X[last] - baseUtm.X[last - 1];
        var lastDy = baseUtm.Y[last] - baseUtm.Y[last - 1];
        var lastLength = Math.Sqrt((lastDx * lastDx) + (lastDy * lastDy));
        line.Add(Place(baseLine, baseUtm, last, 0, 1, endOffset, lastDy / lastLength, -lastDx / lastLength, projection));
        offsets.Add(endOffset);
        arcs.Add(baseUtm.Length);
        return (line, offsets, arcs);
    }

    private static LonLat Place(
        IReadOnlyList<LonLat> baseLine, Polyline baseUtm, int i, int k, int pieces, double offset, double nx, double ny, UtmProjection projection)
    {
        // An unmoved base-line vertex keeps its own coordinates, not a projection round trip.
        if (k == 0 && offset == 0 && baseLine.Count == baseUtm.Count)
        {
            return CoordinateRounding.Round(baseLine[i]);
        }

        var f = (double)k / pieces;
        var x = baseUtm.X[i] + (k == 0 ? 0 : f * (baseUtm.X[i + 1] - baseUtm.X[i])) + (offset * nx);
        var y = baseUtm.Y[i] + (k == 0 ? 0 : f * (baseUtm.Y[i + 1] - baseUtm.Y[i])) + (offset * ny);
        projection.Inverse(x, y, out var lon, out var lat);
        return CoordinateRounding.Round(new LonLat(lon, lat));
    }

    private static (double X, double Y) Bisector(Polyline line, int vertex)
    {
        double ax = line.X[vertex] - line.X[vertex - 1], ay = line.Y[vertex] - line.Y[vertex - 1];
        double bx = line.X[vertex + 1] - line.X[vertex], by = line.Y[vertex + 1] - line.Y[vertex];
        var la = Math.Sqrt((ax * ax) + (ay * ay));
        var lb = Math.Sqrt((bx * bx) + (by * by));
        var nx = (ay / la) + (by / lb);
        var ny = (-ax / la) - (bx / lb);
        var n = Math.Sqrt((nx * nx) + (ny * ny));
        return (nx / n, ny / n);
    }
}
