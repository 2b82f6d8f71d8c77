using Monitoring.Geo.Planar;

namespace Monitoring.Geo.Indexing;

/// <summary>
/// Point-in-area for a fixed set of rings (any polygon or multipolygon, holes included), decided by
/// crossing parity: each grid cell stores a reference point whose inside/outside state was worked out
/// at build time, and a query counts how many boundary edges the short segment from that reference
/// point to the query point crosses. Only the edges listed in the query's cell can cross it.
/// Points outside the grid fall back to a ray cast over every edge. No allocation, thread-safe.
/// </summary>
internal sealed class PolygonGrid
{
    // Reference points tried in turn (as fractions of the cell) until one keeps clear of every edge.
    private static readonly (double X, double Y)[] Candidates =
    [
        (0.5, 0.5), (0.31, 0.43), (0.67, 0.59), (0.43, 0.71), (0.61, 0.29), (0.23, 0.77), (0.79, 0.19), (0.37, 0.13),
    ];

    // A reference point must be at least this far from every edge, so its parity is never in doubt.
    private const double Clearance = 1e-3;

    private readonly SegmentSet _edges;
    private readonly GridLayout _grid;
    private readonly CellBuckets _buckets;
    private readonly double[] _refX;
    private readonly double[] _refY;
    private readonly bool[] _refInside;

    public PolygonGrid(SegmentSet edges, Extent extent, double cellSize)
    {
        _edges = edges;
        _grid = new GridLayout(extent, cellSize);
        _buckets = CellBuckets.Build(edges, _grid);
        _refX = new double[_grid.CellCount];
        _refY = new double[_grid.CellCount];
        _refInside = new bool[_grid.CellCount];
        PlaceReferencePoints();
    }

    public bool Contains(double x, double y)
    {
        if (!_grid.TryCell(x, y, out var column, out var row))
        {
            return RayCastAll(x, y);
        }

        var cell = (row * _grid.Columns) + column;
        var inside = _refInside[cell];
        var rx = _refX[cell];
        var ry = _refY[cell];
        var lowX = Math.Min(rx, x);
        var highX = Math.Max(rx, x);
        var lowY = Math.Min(ry, y);
        var highY = Math.Max(ry, y);
        var items = _buckets.Items;
        for (int j = _buckets.Start[cell], end = _buckets.Start[cell + 1]; j < end; j++)
        {
            var e = items[j];
            double ax = _edges.Ax[e], ay = _edges.Ay[e], bx = _edges.Bx[e], by = _edges.By[e];
            if (Math.Max(ax, bx) < lowX || Math.Min(ax, bx) > highX || Math.Max(ay, by) < lowY || Math.Min(ay, by) > highY)
            {
                continue;
            }

            if (Crosses(rx, ry, x, y, ax, ay, bx, by))
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>
    /// Whether segment r→p crosses edge a→b. A vertex lying exactly on the line r→p counts as left of it,
    /// and p lying exactly on the edge's line counts as left of the edge: a consistent tie-break, so the
    /// parity stays right when the path runs through a vertex. r never lies on an edge (see Clearance).
    /// </summary>
    private static bool Crosses(double rx, double ry, double px, double py, double ax, double ay, double bx, double by)
    {
        var dx = px - rx;
        var dy = py - ry;
        var sa = (dx * (ay - ry)) - (dy * (ax - rx));
        var sb = (dx * (by - ry)) - (dy * (bx - rx));
        if ((sa >= 0) == (sb >= 0))
        {
            return false;
        }

        var ex = bx - ax;
        var ey = by - ay;
        var sr = (ex * (ry - ay)) - (ey * (rx - ax));
        var sp = (ex * (py - ay)) - (ey * (px - ax));
        return (sr >= 0) != (sp >= 0);
    }

    // Horizontal ray to +x, with the half-open rule on y so a ray through a vertex counts once.
    private bool RayCastAll(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return false;
        }

        var inside = false;
        for (var e = 0; e < _edges.Count; e++)
        {
            double ay = _edges.Ay[e], by = _edges.By[e];
            if ((ay > y) == (by > y))
            {
                continue;
            }

            double ax = _edges.Ax[e], bx = _edges.Bx[e];
            var xi = ax + ((y - ay) * (bx - ax) / (by - ay));
            if (xi > x)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private void PlaceReferencePoints()
    {
        var cs = _grid.CellSize;
        var chosen = new int[_grid.Columns];
        var crossings = new List<double>();
        for (var row = 0; row < _grid.Rows; row++)
        {
            var y0 = _grid.CellMinY(row);
            for (var column = 0; column < _grid.Columns; column++)
            {
                var cell = (row * _grid.Columns) + column;
                var x0 = _grid.CellMinX(column);
                var k = 0;
                while (k < Candidates.Length - 1 && !Clear(cell, x0 + (Candidates[k].X * cs), y0 + (Candidates[k].Y * cs)))
                {
                    k++;
                }

                chosen[column] = k;
                _refX[cell] = x0 + (Candidates[k].X * cs);
                _refY[cell] = y0 + (Candidates[k].Y * cs);
            }

            // One scanline per distinct reference height in this row gives every cell's state at once.
            for (var k = 0; k < Candidates.Length; k++)
            {
                if (Array.IndexOf(chosen, k) < 0)
                {
                    continue;
                }

                var y = y0 + (Candidates[k].Y * cs);
                crossings.Clear();
                for (var e = 0; e < _edges.Count; e++)
                {
                    double ay = _edges.Ay[e], by = _edges.By[e];
                    if ((ay > y) != (by > y))
                    {
                        double ax = _edges.Ax[e], bx = _edges.Bx[e];
                        crossings.Add(ax + ((y - ay) * (bx - ax) / (by - ay)));
                    }
                }

                crossings.Sort();
                for (var column = 0; column < _grid.Columns; column++)
                {
                    if (chosen[column] != k)
                    {
                        continue;
                    }

                    var cell = (row * _grid.Columns) + column;
                    var index = crossings.BinarySearch(_refX[cell]);
                    var atOrLeft = index >= 0 ? index + 1 : ~index;
                    _refInside[cell] = ((crossings.Count - atOrLeft) & 1) == 1;
                }
            }
        }
    }

    private bool Clear(int cell, double x, double y)
    {
        for (int j = _buckets.Start[cell], end = _buckets.Start[cell + 1]; j < end; j++)
        {
            if (_edges.DistanceSquared(_buckets.Items[j], x, y, out _) < Clearance * Clearance)
            {
                return false;
            }
        }

        return true;
    }
}
