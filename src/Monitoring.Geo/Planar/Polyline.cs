namespace Monitoring.Geo.Planar;

/// <summary>
/// A polyline in UTM metres with cumulative arc length; the walking direction is the line's
/// order (west to east), so "right" is south in the sense of domain.md.
/// </summary>
internal sealed class Polyline
{
    public Polyline(double[] xs, double[] ys)
    {
        // Repeated vertices would give zero-length segments with no direction; drop them.
        var keptX = new List<double>(xs.Length);
        var keptY = new List<double>(ys.Length);
        for (var i = 0; i < xs.Length; i++)
        {
            if (keptX.Count > 0 && keptX[^1] == xs[i] && keptY[^1] == ys[i])
            {
                continue;
            }

            keptX.Add(xs[i]);
            keptY.Add(ys[i]);
        }

        if (keptX.Count < 2)
        {
            throw new ArgumentException("A line needs at least two distinct vertices.");
        }

        X = keptX.ToArray();
        Y = keptY.ToArray();
        Cumulative = new double[X.Length];
        for (var i = 1; i < X.Length; i++)
        {
            Cumulative[i] = Cumulative[i - 1] + Math.Sqrt(Sq(X[i] - X[i - 1]) + Sq(Y[i] - Y[i - 1]));
        }
    }

    public double[] X { get; }
    public double[] Y { get; }
    /// <summary>Arc length at each vertex; Cumulative[0] == 0.</summary>
    public double[] Cumulative { get; }
    public int Count => X.Length;
    public int SegmentCount => X.Length - 1;
    public double Length => Cumulative[^1];

    public static Polyline FromLonLat(IReadOnlyList<LonLat> points, Projection.UtmProjection projection)
    {
        var xs = new double[points.Count];
        var ys = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            projection.Forward(points[i].Lon, points[i].Lat, out xs[i], out ys[i]);
        }

        return new Polyline(xs, ys);
    }

    /// <summary>The segment holding arc length s: the last i with Cumulative[i] ≤ s, capped to the last segment.</summary>
    public int SegmentAt(double s)
    {
        var index = Array.BinarySearch(Cumulative, s);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return Math.Clamp(index, 0, SegmentCount - 1);
    }

    /// <summary>The point at arc length s (clamped to the line), moved offsetRight along the segment's right normal.</summary>
    public void PointAt(double s, double offsetRight, out double x, out double y)
    {
        s = Math.Clamp(s, 0, Length);
        var i = SegmentAt(s);
        var length = Cumulative[i + 1] - Cumulative[i];
        var ux = (X[i + 1] - X[i]) / length;
        var uy = (Y[i + 1] - Y[i]) / length;
        var along = s - Cumulative[i];
        // Right-hand normal of (ux, uy) is (uy, -ux).
        x = X[i] + (ux * along) + (uy * offsetRight);
        y = Y[i] + (uy * along) - (ux * offsetRight);
    }

    /// <summary>The part of the line between arc lengths s0 &lt; s1, as vertex arrays.</summary>
    public (double[] Xs, double[] Ys) Slice(double s0, double s1)
    {
        s0 = Math.Clamp(s0, 0, Length);
        s1 = Math.Clamp(s1, s0, Length);
        var xs = new List<double>();
        var ys = new List<double>();
        PointAt(s0, 0, out var x0, out var y0);
        xs.Add(x0);
        ys.Add(y0);
        for (var i = 1; i < Count - 1; i++)
        {
            if (Cumulative[i] > s0 && Cumulative[i] < s1)
            {
                xs.Add(X[i]);
                ys.Add(Y[i]);
            }
        }

        PointAt(s1, 0, out var x1, out var y1);
        xs.Add(x1);
        ys.Add(y1);
        return (xs.ToArray(), ys.ToArray());
    }

    private static double Sq(double v) => v * v;
}
