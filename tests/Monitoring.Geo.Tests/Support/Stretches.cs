namespace Monitoring.Geo.Tests.Support;

/// <summary>Finds places in a data set with a wanted shape, using only the public API.</summary>
internal static class Stretches
{
    /// <summary>
    /// Markers i..i+3 (0-based) lying on one straight piece of the base line, with no identified marker
    /// from i-1 to i+4, where the map line stays on one side of the base line by at least minOffset
    /// (sign gives the side: positive = map line south of K). Returns the first index and the map line's
    /// smallest |offset| over the stretch.
    /// </summary>
    public static (int First, double Offset) FindMapLineAside(ReconciledMdl mdl, double minOffset, int sign)
    {
        var data = mdl.Data;
        var spacing = mdl.Sectors.TotalLengthM / (data.Markers.Count - 1);
        var mapLine = data.MapLine
            .Select(p => mdl.Sectors.TryMeasure(p.Lon, p.Lat, out var s, out var o) ? (S: s, O: o) : (S: double.NaN, O: 0))
            .Where(m => !double.IsNaN(m.S))
            .ToArray();
        var bends = data.BaseLine
            .Select(p => mdl.Sectors.TryMeasure(p.Lon, p.Lat, out var s, out _) ? s : double.NaN)
            .ToArray();
        for (var i = 2; i + 6 < data.Markers.Count; i++)
        {
            var from = (i - 1) * spacing;
            var to = (i + 4) * spacing;
            if (bends.Any(b => b > from - 10 && b < to + 10))
            {
                continue;
            }

            if (Enumerable.Range(i - 1, 6).Any(k => data.Markers[k].Status == MarkerStatus.Identified))
            {
                continue;
            }

            var nearby = mapLine.Where(m => m.S >= from && m.S <= to).Select(m => m.O * sign).ToArray();
            if (nearby.Length > 0 && nearby.Min() >= minOffset)
            {
                return (i, nearby.Min() * sign);
            }
        }

        throw new InvalidOperationException("No such stretch in this data set.");
    }
}
