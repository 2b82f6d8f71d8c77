using Monitoring.Geo.Planar;

namespace Monitoring.Geo.Indexing;

/// <summary>
/// Nearest-segment queries over a fixed set of segments: a uniform grid of segment buckets,
/// searched ring by ring outwards from the query's cell. Each cell also stores how many rings
/// around it are empty, so points far from every segment skip straight to the first useful ring.
/// The first query in a cell also works out the few segments that can be nearest anywhere in it
/// (its candidates); later queries there only look at those, instead of ring after ring of buckets
/// (a point 2 km from the line visited ~10 rings). After that first query, queries allocate nothing.
/// Safe from any number of threads.
/// </summary>
internal sealed class SegmentGrid
{
    private readonly SegmentSet _segments;
    private readonly GridLayout _grid;
    private readonly CellBuckets _buckets;
    private readonly int[] _emptyRings;
    private readonly int[]?[] _candidates;

    public SegmentGrid(SegmentSet segments, Extent extent, double cellSize)
    {
        _segments = segments;
        _grid = new GridLayout(extent, cellSize);
        _buckets = CellBuckets.Build(segments, _grid);
        _emptyRings = ChessboardDistance(_grid, _buckets);
        _candidates = new int[_grid.CellCount][];
    }

    public SegmentSet Segments => _segments;

    /// <summary>Distance to the nearest segment; +∞ when there are none.</summary>
    public double Distance(double x, double y)
        => TryNearest(x, y, out _, out _, out var d2) ? Math.Sqrt(d2) : double.PositiveInfinity;

    /// <summary>
    /// The nearest segment, the clamped parameter t of the nearest point on it and the squared distance.
    /// Ties go to the lowest segment index, so the answer does not depend on the search order.
    /// </summary>
    public bool TryNearest(double x, double y, out int segment, out double t, out double distanceSquared)
    {
        segment = -1;
        t = 0;
        distanceSquared = double.PositiveInfinity;
        if (_segments.Count == 0 || !double.IsFinite(x) || !double.IsFinite(y))
        {
            return false;
        }

        if (!_grid.TryCell(x, y, out var column, out var row))
        {
            for (var i = 0; i < _segments.Count; i++)
            {
                Consider(i, x, y, ref segment, ref t, ref distanceSquared);
            }

            return true;
        }

        var cell = (row * _grid.Columns) + column;
        var candidates = Volatile.Read(ref _candidates[cell]) ?? CandidatesOf(column, row);
        foreach (var i in candidates)
        {
            Consider(i, x, y, ref segment, ref t, ref distanceSquared);
        }

        return segment >= 0;
    }

    /// <summary>
    /// Every segment that can be nearest to some point of the cell. With d the distance from the cell's
    /// centre to its nearest segment and h half the cell's diagonal, the nearest segment of any point p of
    /// the cell is within d + h of p, so within d + 2h of the centre: those are the candidates. Computed
    /// once per cell; two threads computing the same cell get the same list.
    /// </summary>
    private int[] CandidatesOf(int column, int row)
    {
        var cs = _grid.CellSize;
        var cx = _grid.CellMinX(column) + (cs / 2);
        var cy = _grid.CellMinY(row) + (cs / 2);
        var found = new List<int>();
        if (RingSearch(column, row, cx, cy, out var nearest, out _, out var d2))
        {
            var reach = Math.Sqrt(d2) + (cs * Math.Sqrt(2)) + 1e-6;
            var reach2 = reach * reach;
            var maxRing = Math.Max(Math.Max(column, _grid.Columns - 1 - column), Math.Max(row, _grid.Rows - 1 - row));
            var seen = new HashSet<int>();
            // Ring k's cells are at least (k - 1/2)·cs from the centre.
            for (var k = 0; k <= maxRing && ((k - 0.5) * cs) <= reach; k++)
            {
                foreach (var (c, r) in RingCells(column, row, k))
                {
                    var index = (r * _grid.Columns) + c;
                    for (var j = _buckets.Start[index]; j < _buckets.Start[index + 1]; j++)
                    {
                        var segment = _buckets.Items[j];
                        if (seen.Add(segment) && _segments.DistanceSquared(segment, cx, cy, out _) <= reach2)
                        {
                            found.Add(segment);
                        }
                    }
                }
            }

            if (found.Count == 0)
            {
                found.Add(nearest);
            }

            found.Sort();
        }

        var list = found.ToArray();
        Volatile.Write(ref _candidates[(row * _grid.Columns) + column], list);
        return list;
    }

    /// <summary>The search by rings from the query's own cell (used once per cell, to find its candidates).</summary>
    private bool RingSearch(int column, int row, double x, double y, out int segment, out double t, out double distanceSquared)
    {
        segment = -1;
        t = 0;
        distanceSquared = double.PositiveInfinity;
        var cs = _grid.CellSize;
        var x0 = _grid.CellMinX(column);
        var y0 = _grid.CellMinY(row);
        // Distance from the point to the border of its own cell: ring k's outside is at least k·cs + this far.
        var inset = Math.Min(Math.Min(x - x0, x0 + cs - x), Math.Min(y - y0, y0 + cs - y));
        var maxRing = Math.Max(Math.Max(column, _grid.Columns - 1 - column), Math.Max(row, _grid.Rows - 1 - row));
        for (var k = _emptyRings[(row * _grid.Columns) + column]; k <= maxRing; k++)
        {
            VisitRing(column, row, k, x, y, ref segment, ref t, ref distanceSquared);
            var reach = (k * cs) + inset;
            // Strict, so an exact tie just outside the searched block is still seen (lowest index wins).
            if (segment >= 0 && distanceSquared < reach * reach)
            {
                break;
            }
        }

        return segment >= 0;
    }

    private void VisitRing(int column, int row, int k, double x, double y, ref int segment, ref double t, ref double best)
    {
        foreach (var (c, r) in RingCells(column, row, k))
        {
            VisitCell(c, r, x, y, ref segment, ref t, ref best);
        }
    }

    /// <summary>The cells at chessboard distance k from (column, row) that lie on the grid: its top and bottom rows, then its sides.</summary>
    private IEnumerable<(int Column, int Row)> RingCells(int column, int row, int k)
    {
        if (k == 0)
        {
            yield return (column, row);
            yield break;
        }

        var c0 = Math.Max(column - k, 0);
        var c1 = Math.Min(column + k, _grid.Columns - 1);
        foreach (var r in new[] { row - k, row + k })
        {
            if (r >= 0 && r < _grid.Rows)
            {
                for (var c = c0; c <= c1; c++)
                {
                    yield return (c, r);
                }
            }
        }

        var r0 = Math.Max(row - k + 1, 0);
        var r1 = Math.Min(row + k - 1, _grid.Rows - 1);
        foreach (var c in new[] { column - k, column + k })
        {
            if (c >= 0 && c < _grid.Columns)
            {
                for (var r = r0; r <= r1; r++)
                {
                    yield return (c, r);
                }
            }
        }
    }

    private void VisitCell(int column, int row, double x, double y, ref int segment, ref double t, ref double best)
    {
        var cell = (row * _grid.Columns) + column;
        var start = _buckets.Start[cell];
        var end = _buckets.Start[cell + 1];
        if (start == end)
        {
            return;
        }

        // Skip the whole cell when even its closest corner or edge is farther than the best so far.
        var cs = _grid.CellSize;
        var cx = _grid.CellMinX(column);
        var cy = _grid.CellMinY(row);
        var dx = x < cx ? cx - x : (x > cx + cs ? x - cx - cs : 0);
        var dy = y < cy ? cy - y : (y > cy + cs ? y - cy - cs : 0);
        if ((dx * dx) + (dy * dy) > best)
        {
            return;
        }

        var items = _buckets.Items;
        for (var j = start; j < end; j++)
        {
            Consider(items[j], x, y, ref segment, ref t, ref best);
        }
    }

    private void Consider(int i, double x, double y, ref int segment, ref double t, ref double best)
    {
        var d2 = _segments.DistanceSquared(i, x, y, out var ti);
        if (d2 < best || (d2 == best && i < segment))
        {
            best = d2;
            segment = i;
            t = ti;
        }
    }

    // For every cell, the number of rings around it (0 = itself) that hold no segment at all:
    // a two-pass chessboard distance transform to the nearest non-empty cell.
    private static int[] ChessboardDistance(GridLayout grid, CellBuckets buckets)
    {
        int w = grid.Columns, h = grid.Rows;
        var far = w + h;
        var d = new int[w * h];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = buckets.Start[i + 1] > buckets.Start[i] ? 0 : far;
        }

        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var v = d[(r * w) + c];
                if (c > 0) v = Math.Min(v, d[(r * w) + c - 1] + 1);
                if (r > 0)
                {
                    v = Math.Min(v, d[((r - 1) * w) + c] + 1);
                    if (c > 0) v = Math.Min(v, d[((r - 1) * w) + c - 1] + 1);
                    if (c < w - 1) v = Math.Min(v, d[((r - 1) * w) + c + 1] + 1);
                }

                d[(r * w) + c] = v;
            }
        }

        for (var r = h - 1; r >= 0; r--)
        {
            for (var c = w - 1; c >= 0; c--)
            {
                var v = d[(r * w) + c];
                if (c < w - 1) v = Math.Min(v, d[(r * w) + c + 1] + 1);
                if (r < h - 1)
                {
                    v = Math.Min(v, d[((r + 1) * w) + c] + 1);
                    if (c > 0) v = Math.Min(v, d[((r + 1) * w) + c - 1] + 1);
                    if (c < w - 1) v = Math.Min(v, d[((r + 1) * w) + c + 1] + 1);
                }

                d[(r * w) + c] = v;
            }
        }

        return d;
    }
}
