namespace Monitoring.Simulation.Truth;

/// <summary>
/// The ground truth of one radar track: a person, a group, an animal or clutter, moving along waypoints
/// (linear between them). TrackId is the radar's own track id for it ("wp-1").
/// </summary>
public sealed class Mover(string trackId, string objectClass, int count, IReadOnlyList<Waypoint> path, SeenBy seenBy = SeenBy.All)
{
    public string TrackId { get; } = trackId;
    public string Class { get; } = objectClass;
    public int Count { get; } = count;
    public IReadOnlyList<Waypoint> Path { get; } = path;
    public SeenBy SeenBy { get; } = seenBy;
    public double Start => Path[0].T;
    public double End => Path[^1].T;

    public bool TryAt(double t, out double arcM, out double offsetM)
    {
        arcM = offsetM = 0;
        if (t < Start || t > End)
        {
            return false;
        }

        for (var i = 1; i < Path.Count; i++)
        {
            if (t <= Path[i].T)
            {
                var a = Path[i - 1];
                var b = Path[i];
                var f = b.T > a.T ? (t - a.T) / (b.T - a.T) : 1;
                arcM = a.ArcM + ((b.ArcM - a.ArcM) * f);
                offsetM = a.OffsetM + ((b.OffsetM - a.OffsetM) * f);
                return true;
            }
        }

        arcM = Path[^1].ArcM;
        offsetM = Path[^1].OffsetM;
        return true;
    }
}
