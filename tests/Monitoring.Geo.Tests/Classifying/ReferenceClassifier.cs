using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Buffer;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Monitoring.Geo.Tests.Classifying;

/// <summary>
/// The oracle: domain.md written out as plainly as possible with NetTopologySuite — overlay polygons
/// for S(M), S(K), V, C and D, and per point NTS's own ray-crossing locator and exact facet distance to R
/// (NTS indexes, not ours). Slow, obvious,
/// and independent of the production indexes.
/// </summary>
internal sealed class ReferenceClassifier
{
    private static readonly GeometryFactory Factory = new();
    private readonly MathTransform _toUtm;
    private readonly Geometry _c;
    private readonly Geometry _d;
    private readonly Geometry _r;
    private readonly IndexedFacetDistance _distanceToR;
    private readonly IndexedPointInAreaLocator _inC;
    private readonly IndexedPointInAreaLocator _inD;
    private readonly double _approachM;

    public ReferenceClassifier(MdlDataSet data, MdlPolicy policy)
    {
        _toUtm = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WGS84_UTM(52, true))
            .MathTransform;
        _approachM = data.Parameters.ApproachM;

        var baseLine = Project(data.BaseLine);
        var m = Project(data.MapLine);
        var k = Project(data.Markers.Select(x => x.Position).ToList());
        var sm = South(m, baseLine);
        var sk = South(k, baseLine);

        Geometry v = Factory.CreatePolygon();
        if (policy == MdlPolicy.Jcs2025)
        {
            var flat = new BufferParameters { EndCapStyle = EndCapStyle.Flat };
            for (var i = 0; i < data.Markers.Count;)
            {
                var j = i;
                while (data.Markers[i].Status == MarkerStatus.Identified && j + 1 < data.Markers.Count
                       && data.Markers[j + 1].Status == MarkerStatus.Identified)
                {
                    j++;
                }

                if (j > i)
                {
                    v = v.Union(Factory.CreateLineString(k[i..(j + 1)]).Buffer(data.Parameters.VerifiedBufferM, flat));
                }

                i = j + 1;
            }
        }

        (_c, _d) = policy switch
        {
            MdlPolicy.MapLine => (sm, Factory.CreatePolygon()),
            MdlPolicy.UncLine => (sk, Factory.CreatePolygon()),
            _ => (sm.Intersection(sk).Union(sk.Intersection(v)), sm.SymmetricDifference(sk).Difference(v)),
        };

        var reach = Math.Max(data.Parameters.NorthReachM, data.Parameters.SouthReachM);
        var monitored = Factory.CreateLineString(baseLine).Buffer(reach, new BufferParameters { EndCapStyle = EndCapStyle.Flat });
        _r = _c.Boundary.Intersection(monitored);
        _distanceToR = new IndexedFacetDistance(_r);
        _inC = new IndexedPointInAreaLocator(_c);
        _inD = new IndexedPointInAreaLocator(_d);
        _ = _c.EnvelopeInternal;
        _ = _d.EnvelopeInternal;
        _ = _r.EnvelopeInternal;
    }

    public Geometry ConfirmedSouth => _c;
    public Geometry DisputedBand => _d;
    public Geometry ReconciledLine => _r;

    public (Verdict Verdict, double Depth) Classify(double lon, double lat, double accuracyM, bool isAnimal)
    {
        var p = Factory.CreatePoint(ProjectOne(lon, lat));
        // Covers (interior or boundary), by NTS's own locator: Geometry.Covers would run a full relate per call.
        var inC = _inC.Locate(p.Coordinate) != Location.Exterior;
        var distance = _distanceToR.Distance(p);
        var d = inC ? distance : -distance;
        if (inC && d > accuracyM)
        {
            return (Verdict.Crossed, d);
        }

        if (inC || _inD.Locate(p.Coordinate) != Location.Exterior)
        {
            return (Verdict.Ambiguous, d);
        }

        return (!isAnimal && d >= -_approachM ? Verdict.Approaching : Verdict.Clear, d);
    }

    public Coordinate ProjectOne(double lon, double lat)
    {
        double x = lon, y = lat;
        _toUtm.Transform(ref x, ref y);
        return new Coordinate(x, y);
    }

    private Coordinate[] Project(IReadOnlyList<LonLat> line) => line.Select(p => ProjectOne(p.Lon, p.Lat)).ToArray();

    /// <summary>
    /// S(L) as docs/geo.md defines the frame: the base line's ends extended 20 km straight on, joined
    /// radially to a big circle around the line that is walked clockwise (east, then south) back to the start.
    /// </summary>
    private static Polygon South(Coordinate[] line, Coordinate[] baseLine)
    {
        Coordinate Extend(Coordinate end, Coordinate before)
        {
            var dx = end.X - before.X;
            var dy = end.Y - before.Y;
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            return new Coordinate(end.X + (20_000 * dx / length), end.Y + (20_000 * dy / length));
        }

        var west = Extend(baseLine[0], baseLine[1]);
        var east = Extend(baseLine[^1], baseLine[^2]);
        var envelope = new Envelope(baseLine);
        var centre = envelope.Centre;
        var reach = new[] { west, east }.Concat(baseLine).Max(c => c.Distance(centre));
        var radius = (2 * reach) + 50_000;
        var from = Math.Atan2(east.Y - centre.Y, east.X - centre.X);
        var to = Math.Atan2(west.Y - centre.Y, west.X - centre.X);
        if (to >= from)
        {
            to -= 2 * Math.PI;
        }

        var steps = Math.Max(2, (int)Math.Ceiling((from - to) / (Math.PI / 36)));
        var ring = new List<Coordinate> { west };
        ring.AddRange(line);
        ring.Add(east);
        for (var i = 0; i <= steps; i++)
        {
            var a = from + ((to - from) * i / steps);
            ring.Add(new Coordinate(centre.X + (radius * Math.Cos(a)), centre.Y + (radius * Math.Sin(a))));
        }

        ring.Add(west.Copy());
        return Factory.CreatePolygon(ring.ToArray());
    }
}
