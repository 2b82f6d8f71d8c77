namespace Monitoring.Grains.Sectors;

/// <summary>
/// Finds the track a report without a sensor trackId belongs to: the nearest track within the distance
/// gate whose latest report is within the time gate. A coarse lon/lat grid keeps it O(1) per report.
/// </summary>
internal sealed class TrackAssociation
{
    private const double MetresPerDegreeLat = 111_320;
    private readonly Dictionary<(int, int), List<Candidate>> _cells = new();
    private readonly Dictionary<string, (int, int)> _cellOfTrack = new(StringComparer.Ordinal);
    private readonly double _gateM;
    private readonly double _cellDegLat;
    private readonly double _cellDegLon;
    private readonly long _gateTicks;

    public TrackAssociation(double gateM, TimeSpan gateTime, double referenceLat = 38.0)
    {
        _gateM = gateM;
        _gateTicks = gateTime.Ticks;
        _cellDegLat = Math.Max(gateM, 1) / MetresPerDegreeLat;
        _cellDegLon = Math.Max(gateM, 1) / (MetresPerDegreeLat * Math.Cos(referenceLat * Math.PI / 180));
    }

    public string? Find(double lon, double lat, DateTimeOffset observedAt)
    {
        var (cx, cy) = CellOf(lon, lat);
        string? best = null;
        var bestD2 = _gateM * _gateM;
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                if (!_cells.TryGetValue((cx + dx, cy + dy), out var list))
                {
                    continue;
                }

                foreach (var c in list)
                {
                    if (Math.Abs(observedAt.UtcTicks - c.ObservedTicks) > _gateTicks)
                    {
                        continue;
                    }

                    var d2 = DistanceSquaredM(lon, lat, c.Lon, c.Lat);
                    if (d2 <= bestD2)
                    {
                        bestD2 = d2;
                        best = c.TrackId;
                    }
                }
            }
        }

        return best;
    }

    public void Upsert(string trackId, double lon, double lat, DateTimeOffset observedAt)
    {
        var cell = CellOf(lon, lat);
        // Most reports leave their track in its cell: update in place instead of remove + add.
        if (_cellOfTrack.TryGetValue(trackId, out var current) && current == cell && _cells.TryGetValue(cell, out var same)
            && IndexOf(same, trackId) is var at and >= 0)
        {
            same[at] = new Candidate(trackId, lon, lat, observedAt.UtcTicks);
            return;
        }

        Remove(trackId);
        if (!_cells.TryGetValue(cell, out var list))
        {
            _cells[cell] = list = [];
        }

        list.Add(new Candidate(trackId, lon, lat, observedAt.UtcTicks));
        _cellOfTrack[trackId] = cell;
    }

    public void Remove(string trackId)
    {
        if (_cellOfTrack.Remove(trackId, out var cell) && _cells.TryGetValue(cell, out var list))
        {
            if (IndexOf(list, trackId) is var at and >= 0)
            {
                list.RemoveAt(at); // keeps the order, so ties in Find resolve as before
            }
            if (list.Count == 0)
            {
                _cells.Remove(cell);
            }
        }
    }

    private static int IndexOf(List<Candidate> list, string trackId)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].TrackId, trackId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private (int, int) CellOf(double lon, double lat)
        => ((int)Math.Floor(lon / _cellDegLon), (int)Math.Floor(lat / _cellDegLat));

    /// <summary>Squared ground distance between two nearby positions, metres².</summary>
    internal static double DistanceSquaredM(double lon1, double lat1, double lon2, double lat2)
    {
        // Equirectangular is exact enough within a 100 m gate.
        var x = (lon2 - lon1) * MetresPerDegreeLat * Math.Cos((lat1 + lat2) * 0.5 * Math.PI / 180);
        var y = (lat2 - lat1) * MetresPerDegreeLat;
        return (x * x) + (y * y);
    }

    private readonly record struct Candidate(string TrackId, double Lon, double Lat, long ObservedTicks);
}
