using Monitoring.Geo.Planar;

namespace Monitoring.Geo.Indexing;

/// <summary>A uniform grid of square cells over an extent, in UTM metres.</summary>
internal readonly struct GridLayout
{
    public GridLayout(Extent extent, double cellSize)
    {
        CellSize = cellSize;
        MinX = extent.MinX;
        MinY = extent.MinY;
        Columns = Math.Max(1, (int)Math.Ceiling((extent.MaxX - extent.MinX) / cellSize));
        Rows = Math.Max(1, (int)Math.Ceiling((extent.MaxY - extent.MinY) / cellSize));
        MaxX = MinX + (Columns * cellSize);
        MaxY = MinY + (Rows * cellSize);
    }

    public double MinX { get; }
    public double MinY { get; }
    public double MaxX { get; }
    public double MaxY { get; }
    public double CellSize { get; }
    public int Columns { get; }
    public int Rows { get; }
    public int CellCount => Columns * Rows;

    /// <summary>The cell holding (x, y); false when the point is outside the grid (or NaN).</summary>
    public bool TryCell(double x, double y, out int column, out int row)
    {
        // Written so NaN fails every comparison and lands in the false branch.
        if (!(x >= MinX && x < MaxX && y >= MinY && y < MaxY))
        {
            column = row = -1;
            return false;
        }

        column = Math.Min((int)((x - MinX) / CellSize), Columns - 1);
        row = Math.Min((int)((y - MinY) / CellSize), Rows - 1);
        return true;
    }

    public double CellMinX(int column) => MinX + (column * CellSize);
    public double CellMinY(int row) => MinY + (row * CellSize);
}
