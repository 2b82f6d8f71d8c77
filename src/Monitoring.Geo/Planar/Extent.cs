namespace Monitoring.Geo.Planar;

/// <summary>An axis-aligned rectangle in UTM metres.</summary>
internal readonly record struct Extent(double MinX, double MinY, double MaxX, double MaxY)
{
    public Extent Expand(double by) => new(MinX - by, MinY - by, MaxX + by, MaxY + by);

    public static Extent Of(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < xs.Length; i++)
        {
            minX = Math.Min(minX, xs[i]);
            maxX = Math.Max(maxX, xs[i]);
            minY = Math.Min(minY, ys[i]);
            maxY = Math.Max(maxY, ys[i]);
        }

        return new Extent(minX, minY, maxX, maxY);
    }
}
