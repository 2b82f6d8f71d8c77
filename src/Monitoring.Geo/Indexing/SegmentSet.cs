namespace Monitoring.Geo.Indexing;

/// <summary>Segments as flat coordinate arrays (structure of arrays keeps the hot loops tight).</summary>
internal sealed class SegmentSet
{
    public SegmentSet(double[] ax, double[] ay, double[] bx, double[] by)
    {
        Ax = ax;
        Ay = ay;
        Bx = bx;
        By = by;
    }

    public double[] Ax { get; }
    public double[] Ay { get; }
    public double[] Bx { get; }
    public double[] By { get; }
    public int Count => Ax.Length;

    public static SegmentSet FromLines(IEnumerable<(double[] Xs, double[] Ys)> lines)
    {
        var ax = new List<double>();
        var ay = new List<double>();
        var bx = new List<double>();
        var by = new List<double>();
        foreach (var (xs, ys) in lines)
        {
            for (var i = 0; i + 1 < xs.Length; i++)
            {
                if (xs[i] == xs[i + 1] && ys[i] == ys[i + 1])
                {
                    continue;
                }

                ax.Add(xs[i]);
                ay.Add(ys[i]);
                bx.Add(xs[i + 1]);
                by.Add(ys[i + 1]);
            }
        }

        return new SegmentSet(ax.ToArray(), ay.ToArray(), bx.ToArray(), by.ToArray());
    }

    /// <summary>Squared distance from (px, py) to segment i, and the clamped parameter of the nearest point.</summary>
    public double DistanceSquared(int i, double px, double py, out double t)
    {
        var ax = Ax[i];
        var ay = Ay[i];
        var dx = Bx[i] - ax;
        var dy = By[i] - ay;
        var wx = px - ax;
        var wy = py - ay;
        var lengthSq = (dx * dx) + (dy * dy);
        t = ((wx * dx) + (wy * dy)) / lengthSq;
        if (t <= 0)
        {
            t = 0;
            return (wx * wx) + (wy * wy);
        }

        if (t >= 1)
        {
            t = 1;
            var ex = px - Bx[i];
            var ey = py - By[i];
            return (ex * ex) + (ey * ey);
        }

        var cx = wx - (t * dx);
        var cy = wy - (t * dy);
        return (cx * cx) + (cy * cy);
    }
}
