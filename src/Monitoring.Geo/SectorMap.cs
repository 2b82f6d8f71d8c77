using Monitoring.Geo.Indexing;
using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace Monitoring.Geo;

/// <summary>
/// Routes a position to its sector: the nearest point on the base line gives arc length s,
/// sector ⌊s / length⌋ (capped); only points within the monitored area (2 km north, 5 km south) belong to one.
/// </summary>
/// <remarks>
/// The monitored area, precisely. Let q be the nearest point of the base line to p (ties go to the
/// smaller arc length) and s its arc length.
/// <list type="bullet">
/// <item>If q is the line's first vertex and p lies before it (the projection of p onto the first
/// segment's line falls before the start), or q is the last vertex and p lies beyond it, p is past an
/// end cap and outside. A point on the perpendicular through an end (to within EndCapToleranceM, 1 µm)
/// is inside.</item>
/// <item>Otherwise the signed offset is |p − q|, positive when p is right of the line walked west to
/// east (south), negative when left (north). Where q is a bend vertex, "right" is judged against the
/// mean direction of the two segments meeting there.</item>
/// <item>p is inside when −NorthReachM ≤ offset ≤ SouthReachM (both ends inclusive).</item>
/// </list>
/// Non-finite coordinates, |lat| &gt; 90 and |lon| &gt; 180 are outside.
/// </remarks>
public sealed class SectorMap
{
    private const double IndexCellSizeM = 1000;

    /// <summary>How far past an end cap a point may be and still count as on it (absorbs lon/lat round trips).</summary>
    internal const double EndCapToleranceM = 1e-6;

    private readonly Polyline _baseLine;
    private readonly SegmentGrid _index;
    private readonly SectorDefinition[] _sectors;
    private readonly double[] _starts;
    private readonly double _northReach;
    private readonly double _southReach;
    private readonly UtmProjection _projection;
    private readonly Lazy<Geometry[]> _areas;

    internal SectorMap(Polyline baseLine, IReadOnlyList<SectorDefinition> sectors, MdlParameters parameters, UtmProjection projection)
    {
        if (sectors.Count == 0)
        {
            throw new ArgumentException("At least one sector is needed.", nameof(sectors));
        }

        _baseLine = baseLine;
        _projection = projection;
        _sectors = sectors.OrderBy(s => s.StartM).ToArray();
        _starts = _sectors.Select(s => s.StartM).ToArray();
        _northReach = parameters.NorthReachM;
        _southReach = parameters.SouthReachM;
        var segments = SegmentSet.FromLines([(baseLine.X, baseLine.Y)]);
        _index = new SegmentGrid(segments, MonitoredExtent(baseLine, parameters), IndexCellSizeM);
        _areas = new Lazy<Geometry[]>(BuildAreas);
    }

    /// <summary>
    /// Added: the sector routing of a data set alone. Sectors depend only on the base line and the
    /// parameters, not on markers or policy, so this skips the layers and classifier a ReconciledMdl builds
    /// (the sensor catalogue needs only this at start-up).
    /// </summary>
    public static SectorMap For(MdlDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var projection = UtmProjection.Zone52N;
        return new SectorMap(Polyline.FromLonLat(data.BaseLine, projection), data.Sectors, data.Parameters, projection);
    }

    public IReadOnlyList<SectorDefinition> Sectors => _sectors;

    public double TotalLengthM => _baseLine.Length;

    internal Polyline BaseLine => _baseLine;

    /// <summary>Zero-allocation lookup. False when the point is outside the monitored area (or not finite).</summary>
    public bool TryLocate(double lon, double lat, out int sectorIndex)
    {
        sectorIndex = -1;
        if (!TryMeasure(lon, lat, out var s, out var offset) || offset < -_northReach || offset > _southReach)
        {
            return false;
        }

        sectorIndex = SectorIndexAt(s);
        return true;
    }

    /// <summary>
    /// Added: where a position stands against the base line — arc length s of the nearest point and the
    /// signed offset (metres, positive south) — whatever its distance. False past an end cap or for bad input.
    /// Zero allocation.
    /// </summary>
    public bool TryMeasure(double lon, double lat, out double arcLengthM, out double offsetSouthM)
    {
        arcLengthM = offsetSouthM = double.NaN;
        if (!IsLonLat(lon, lat))
        {
            return false;
        }

        _projection.Forward(lon, lat, out var x, out var y);
        return TryMeasureUtm(x, y, out arcLengthM, out offsetSouthM);
    }

    internal bool TryMeasureUtm(double x, double y, out double arcLengthM, out double offsetSouthM)
    {
        arcLengthM = offsetSouthM = double.NaN;
        if (!_index.TryNearest(x, y, out var i, out var t, out var d2))
        {
            return false;
        }

        var line = _baseLine;
        double ax = line.X[i], ay = line.Y[i];
        double dx = line.X[i + 1] - ax, dy = line.Y[i + 1] - ay;
        var raw = (((x - ax) * dx) + ((y - ay) * dy)) / ((dx * dx) + (dy * dy));
        var last = line.SegmentCount - 1;
        var segmentLength = Math.Sqrt((dx * dx) + (dy * dy));
        if ((i == 0 && raw * segmentLength < -EndCapToleranceM) || (i == last && (raw - 1) * segmentLength > EndCapToleranceM))
        {
            return false;
        }

        // At a bend vertex the side is judged against the mean of the two directions meeting there.
        var length = segmentLength;
        double tx = dx / length, ty = dy / length;
        if (t == 0 && i > 0)
        {
            AddUnit(line, i - 1, ref tx, ref ty);
        }
        else if (t == 1 && i < last)
        {
            AddUnit(line, i + 1, ref tx, ref ty);
        }

        var qx = ax + (t * dx);
        var qy = ay + (t * dy);
        var cross = (tx * (y - qy)) - (ty * (x - qx));
        var distance = Math.Sqrt(d2);
        offsetSouthM = cross < 0 ? distance : -distance;
        arcLengthM = line.Cumulative[i] + (t * length);
        return true;
    }

    /// <summary>A point at arc length s along the base line, moved offsetSouthM to the right (south) of it.</summary>
    public LonLat PointAt(double arcLengthM, double offsetSouthM)
    {
        if (!double.IsFinite(arcLengthM) || !double.IsFinite(offsetSouthM))
        {
            throw new ArgumentOutOfRangeException(nameof(arcLengthM), "Arc length and offset must be finite.");
        }

        _baseLine.PointAt(arcLengthM, offsetSouthM, out var x, out var y);
        _projection.Inverse(x, y, out var lon, out var lat);
        return new LonLat(lon, lat);
    }

    /// <summary>The sector holding arc length s: StartM ≤ s &lt; EndM; the last sector also takes its end.</summary>
    internal int SectorIndexAt(double s)
    {
        var index = Array.BinarySearch(_starts, s);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return Math.Clamp(index, 0, _sectors.Length - 1);
    }

    /// <summary>The strip of the monitored area for a sector's arc range (UTM), for display.</summary>
    internal Geometry SectorArea(int index) => _areas.Value[index];

    internal static Extent MonitoredExtent(Polyline baseLine, MdlParameters parameters)
        => Extent.Of(baseLine.X, baseLine.Y).Expand(Math.Max(parameters.NorthReachM, parameters.SouthReachM) + 1000);

    private static bool IsLonLat(double lon, double lat)
        => double.IsFinite(lon) && double.IsFinite(lat) && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180;

    private static void AddUnit(Polyline line, int segment, ref double x, ref double y)
    {
        var dx = line.X[segment + 1] - line.X[segment];
        var dy = line.Y[segment + 1] - line.Y[segment];
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        x += dx / length;
        y += dy / length;
    }

    private Geometry[] BuildAreas()
    {
        var factory = Layers.LayerBuilder.Factory;
        var north = new BufferParameters { IsSingleSided = true, EndCapStyle = EndCapStyle.Flat };
        return _sectors.Select(sector =>
        {
            var (xs, ys) = _baseLine.Slice(sector.StartM, sector.EndM);
            var coords = xs.Select((x, k) => new Coordinate(x, ys[k])).ToArray();
            var piece = factory.CreateLineString(coords);
            // NTS single-sided buffers: a positive distance is the left (north) side, a negative one the right.
            var left = piece.Buffer(_northReach, north);
            var right = piece.Buffer(-_southReach, north);
            return left.Union(right);
        }).ToArray();
    }
}
