namespace Monitoring.Grains.Incidents;

/// <summary>
/// Monitoring:IncidentIndex. The index keeps every open incident and at least <see cref="RecentClosed"/> of the
/// most recent closed ones in its hot list (stored whole on every write); when the hot list holds twice as many
/// closed ones, the older half is sealed into one archive chunk. So an index write is bounded by
/// open + 2 × RecentClosed entries however long the history grows.
/// </summary>
public sealed class IncidentIndexOptions
{
    public const string Section = "Monitoring:IncidentIndex";

    public int RecentClosed { get; set; } = 1000;
}
