using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.Union;

namespace Monitoring.Geo.Layers;

/// <summary>
/// Builds S(M), S(K), V, C, D and R for a data set and policy with NetTopologySuite overlays.
/// This runs once per MDL version; classification never calls it.
/// </summary>
internal static class LayerBuilder
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 32652);

    public static MdlLayers Build(MdlDataSet data, MdlPolicy policy, Polyline baseUtm, UtmProjection projection)
    {
        var mapCoords = Project(data.MapLine, projection);
        var uncCoords = Project(data.Markers.Select(m => m.Position).ToList(), projection);
        var mapLine = Factory.CreateLineString(mapCoords);
        var uncLine = Factory.CreateLineString(uncCoords);

        var frame = SouthFrame.For(baseUtm);
        var southOfMap = frame.SouthOf(mapCoords, Factory);
        var southOfUnc = frame.SouthOf(uncCoords, Factory);
        var verified = policy == MdlPolicy.Jcs2025
            ? VerifiedZone(data.Markers, uncCoords, data.Parameters.VerifiedBufferM)
            : Factory.CreateMultiPolygon();

        Geometry confirmed;
        Geometry disputed;
        switch (policy)
        {
            case MdlPolicy.MapLine:
                confirmed = southOfMap;
                disputed = Factory.CreateMultiPolygon();
                break;
            case MdlPolicy.UncLine:
                confirmed = southOfUnc;
                disputed = Factory.CreateMultiPolygon();
                break;
            default:
                var both = Overlay(southOfMap, southOfUnc, SpatialFunction.Intersection);
                confirmed = verified.IsEmpty
                    ? both
                    : Overlay(both, Overlay(southOfUnc, verified, SpatialFunction.Intersection), SpatialFunction.Union);
                var eitherButNotBoth = Overlay(southOfMap, southOfUnc, SpatialFunction.SymDifference);
                disputed = verified.IsEmpty
                    ? eitherButNotBoth
                    : Overlay(eitherButNotBoth, verified, SpatialFunction.Difference);
                break;
        }

        var reconciled = ReconciledLine(confirmed, baseUtm, data.Parameters);
        return new MdlLayers(mapLine, uncLine, verified, confirmed, disputed, reconciled);
    }

    /// <summary>
    /// R: the boundary of C without the artificial frame. The frame never comes within 20 km of the
    /// lines except along the end extensions, which lie beyond the base line's end caps, so clipping
    /// to the base line's flat-capped buffer of the wider reach removes exactly the frame.
    /// </summary>
    public static Geometry ReconciledLine(Geometry confirmed, Polyline baseUtm, MdlParameters parameters)
    {
        var reach = Math.Max(parameters.NorthReachM, parameters.SouthReachM);
        var clip = BaseLine(baseUtm).Buffer(reach, new BufferParameters { EndCapStyle = NetTopologySuite.Operation.Buffer.EndCapStyle.Flat });
        return Overlay(confirmed.Boundary, clip, SpatialFunction.Intersection);
    }

    public static LineString BaseLine(Polyline baseUtm)
    {
        var coords = new Coordinate[baseUtm.Count];
        for (var i = 0; i < coords.Length; i++)
        {
            coords[i] = new Coordinate(baseUtm.X[i], baseUtm.Y[i]);
        }

        return Factory.CreateLineString(coords);
    }

    /// <summary>V: each run of two or more consecutive identified markers, buffered with flat end caps, unioned.</summary>
    public static Geometry VerifiedZone(IReadOnlyList<Marker> markers, Coordinate[] uncCoords, double bufferM)
    {
        var parameters = new BufferParameters { EndCapStyle = NetTopologySuite.Operation.Buffer.EndCapStyle.Flat };
        var zones = new List<Geometry>();
        var i = 0;
        while (i < markers.Count)
        {
            if (markers[i].Status != MarkerStatus.Identified)
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < markers.Count && markers[j + 1].Status == MarkerStatus.Identified)
            {
                j++;
            }

            if (j > i)
            {
                var run = Factory.CreateLineString(uncCoords[i..(j + 1)]);
                zones.Add(run.Buffer(bufferM, parameters));
            }

            i = j + 1;
        }

        return zones.Count == 0 ? Factory.CreateMultiPolygon() : UnaryUnionOp.Union(zones);
    }

    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction op) => OverlayNGRobust.Overlay(a, b, op);

    private static Coordinate[] Project(IReadOnlyList<LonLat> points, UtmProjection projection)
    {
        var coords = new Coordinate[points.Count];
        for (var i = 0; i < coords.Length; i++)
        {
            projection.Forward(points[i].Lon, points[i].Lat, out var x, out var y);
            coords[i] = new Coordinate(x, y);
        }

        return coords;
    }
}
