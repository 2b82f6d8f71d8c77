namespace Monitoring.Geo.Indexing;

/// <summary>
/// Which segments touch which grid cell, in compressed rows: the segments of cell c are
/// Items[Start[c]..Start[c + 1]). A segment is listed in every cell its closed extent crosses.
/// </summary>
internal sealed class CellBuckets
{
    private CellBuckets(int[] start, int[] items)
    {
        Start = start;
        Items = items;
    }

    public int[] Start { get; }
    public int[] Items { get; }

    public static CellBuckets Build(SegmentSet segments, GridLayout grid)
    {
        var counts = new int[grid.CellCount + 1];
        ForEachCell(segments, grid, cell => counts[cell + 1]++);
        for (var c = 0; c < grid.CellCount; c++)
        {
            counts[c + 1] += counts[c];
        }

        var items = new int[counts[grid.CellCount]];
        var fill = (int[])counts.Clone();
        var current = 0;
        ForEachCell(segments, grid, cell => items[fill[cell]++] = current, i => current = i);
        return new CellBuckets(counts, items);
    }

    private static void ForEachCell(SegmentSet s, GridLayout grid, Action<int> visit, Action<int>? begin = null)
    {
        var cs = grid.CellSize;
        // A hair of slack so a segment lying exactly on a cell edge is listed on both sides.
        var slack = cs * 1e-9;
        for (var i = 0; i < s.Count; i++)
        {
            begin?.Invoke(i);
            double ax = s.Ax[i], ay = s.Ay[i], bx = s.Bx[i], by = s.By[i];
            var c0 = (int)Math.Floor((Math.Min(ax, bx) - slack - grid.MinX) / cs);
            var c1 = (int)Math.Floor((Math.Max(ax, bx) + slack - grid.MinX) / cs);
            var r0 = (int)Math.Floor((Math.Min(ay, by) - slack - grid.MinY) / cs);
            var r1 = (int)Math.Floor((Math.Max(ay, by) + slack - grid.MinY) / cs);
            c0 = Math.Max(c0, 0);
            r0 = Math.Max(r0, 0);
            c1 = Math.Min(c1, grid.Columns - 1);
            r1 = Math.Min(r1, grid.Rows - 1);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    if (Touches(ax, ay, bx, by, grid.CellMinX(c) - slack, grid.CellMinY(r) - slack, cs + (2 * slack)))
                    {
                        visit((r * grid.Columns) + c);
                    }
                }
            }
        }
    }

    // The segment's bounding box already overlaps the cell; it touches it unless all four
    // corners lie strictly on one side of the segment's line.
    private static bool Touches(double ax, double ay, double bx, double by, double x0, double y0, double size)
    {
        var dx = bx - ax;
        var dy = by - ay;
        double Side(double x, double y) => (dx * (y - ay)) - (dy * (x - ax));
        var s1 = Side(x0, y0);
        var s2 = Side(x0 + size, y0);
        var s3 = Side(x0, y0 + size);
        var s4 = Side(x0 + size, y0 + size);
        return !((s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0) || (s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0));
    }
}
