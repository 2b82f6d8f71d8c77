namespace Monitoring.Grains.Incidents;

/// <summary>
/// Monitoring:IncidentIndex. Each sector's index (<see cref="SectorIncidentIndexGrain"/>) keeps the sector's open
/// incidents and at least <see cref="RecentClosed"/> of its most recent closed ones in its hot list (stored whole
/// on every write); when the hot list holds twice as many closed ones, the older half is sealed into one archive
/// chunk. So an index write is bounded by the sector's open + 2 × RecentClosed entries however long the history
/// grows.
/// </summary>
public sealed class IncidentIndexOptions
{
    public const string Section = "Monitoring:IncidentIndex";

    /// <summary>Per sector: 51 sectors keep 5,100–10,200 recent closed incidents in memory.</summary>
    public int RecentClosed { get; set; } = 100;
}
