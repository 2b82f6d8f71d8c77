using Monitoring.Geo.Indexing;
using NetTopologySuite.Geometries;

namespace Monitoring.Geo.Classifying;

/// <summary>Flattens NTS geometries into segment sets for the indexes.</summary>
internal static class GeometryEdges
{
    /// <summary>Every ring edge of every polygon in the geometry (shells and holes).</summary>
    public static SegmentSet OfAreas(Geometry geometry)
        => SegmentSet.FromLines(Rings(geometry).Select(ToArrays));

    /// <summary>Every segment of every line in the geometry.</summary>
    public static SegmentSet OfLines(Geometry geometry)
        => SegmentSet.FromLines(Lines(geometry).Select(ToArrays));

    public static IEnumerable<LineString> Lines(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is LineString line && !line.IsEmpty)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<LineString> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon && !polygon.IsEmpty)
            {
                yield return polygon.ExteriorRing;
                foreach (var hole in polygon.InteriorRings)
                {
                    yield return hole;
                }
            }
        }
    }

    private static (double[] Xs, double[] Ys) ToArrays(LineString line)
    {
        var sequence = line.CoordinateSequence;
        var xs = new double[sequence.Count];
        var ys = new double[sequence.Count];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = sequence.GetX(i);
            ys[i] = sequence.GetY(i);
        }

        return (xs, ys);
    }
}
