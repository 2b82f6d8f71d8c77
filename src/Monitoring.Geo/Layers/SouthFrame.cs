using Monitoring.Geo.Planar;
using NetTopologySuite.Geometries;

namespace Monitoring.Geo.Layers;

/// <summary>
/// The artificial frame that closes S(L) "far to the south". It is built from the base line's ends,
/// not from L, so S(M) and S(K) share it exactly and differ only near the lines:
/// each end of the base line is extended 20 km straight on (along its end segment), then joined
/// radially to a circle around the line, which is walked clockwise (through east and south) from
/// the east end back to the west end. The ring L + frame is then clockwise, so S(L) is the right side of L.
/// </summary>
internal sealed class SouthFrame
{
    public const double EndExtensionM = 20_000;
    private const double ArcStepRadians = Math.PI / 36;

    private SouthFrame(Coordinate westStart, Coordinate eastEnd, Coordinate[] around)
    {
        WestStart = westStart;
        EastEnd = eastEnd;
        Around = around;
    }

    /// <summary>The extension point before the west end; the ring starts here.</summary>
    public Coordinate WestStart { get; }
    /// <summary>The extension point after the east end.</summary>
    public Coordinate EastEnd { get; }
    /// <summary>From the east extension's circle point clockwise round to the west extension's circle point.</summary>
    public Coordinate[] Around { get; }

    public static SouthFrame For(Polyline baseLine)
    {
        var n = baseLine.Count;
        var west = Extend(baseLine.X[0], baseLine.Y[0], baseLine.X[1], baseLine.Y[1]);
        var east = Extend(baseLine.X[n - 1], baseLine.Y[n - 1], baseLine.X[n - 2], baseLine.Y[n - 2]);

        var box = Extent.Of(baseLine.X, baseLine.Y);
        var cx = (box.MinX + box.MaxX) / 2;
        var cy = (box.MinY + box.MaxY) / 2;
        var reach = Math.Max(Distance(west, cx, cy), Distance(east, cx, cy));
        for (var i = 0; i < n; i++)
        {
            reach = Math.Max(reach, Math.Sqrt(Sq(baseLine.X[i] - cx) + Sq(baseLine.Y[i] - cy)));
        }

        var radius = (2 * reach) + 50_000;
        var eastAngle = Math.Atan2(east.Y - cy, east.X - cx);
        var westAngle = Math.Atan2(west.Y - cy, west.X - cx);
        if (westAngle >= eastAngle)
        {
            westAngle -= 2 * Math.PI;
        }

        var around = new List<Coordinate>();
        var steps = Math.Max(2, (int)Math.Ceiling((eastAngle - westAngle) / ArcStepRadians));
        for (var k = 0; k <= steps; k++)
        {
            var a = eastAngle + ((westAngle - eastAngle) * k / steps);
            around.Add(new Coordinate(cx + (radius * Math.Cos(a)), cy + (radius * Math.Sin(a))));
        }

        return new SouthFrame(west, east, around.ToArray());
    }

    /// <summary>S(L): the polygon right of L (walked west to east), closed through this frame.</summary>
    public Polygon SouthOf(IReadOnlyList<Coordinate> line, GeometryFactory factory)
    {
        var ring = new List<Coordinate>(line.Count + Around.Length + 3) { WestStart.Copy() };
        foreach (var c in line)
        {
            ring.Add(c.Copy());
        }

        ring.Add(EastEnd.Copy());
        foreach (var c in Around)
        {
            ring.Add(c.Copy());
        }

        ring.Add(WestStart.Copy());
        return factory.CreatePolygon(ring.ToArray());
    }

    // The point EndExtensionM beyond (x, y), continuing the direction from (px, py) to (x, y).
    private static Coordinate Extend(double x, double y, double px, double py)
    {
        var dx = x - px;
        var dy = y - py;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return new Coordinate(x + (EndExtensionM * dx / length), y + (EndExtensionM * dy / length));
    }

    private static double Distance(Coordinate c, double x, double y) => Math.Sqrt(Sq(c.X - x) + Sq(c.Y - y));

    private static double Sq(double v) => v * v;
}
