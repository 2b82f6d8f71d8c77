namespace Monitoring.Grains.Sectors;

/// <summary>Sector behaviour (configuration section Monitoring:Sectors).</summary>
public sealed class SectorOptions
{
    /// <summary>A repeated (sensorId, reportId) within this window counts as a duplicate.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A report without a trackId joins the nearest track within this distance...</summary>
    public double AssociationGateM { get; set; } = 100;

    /// <summary>...whose latest report is at most this old.</summary>
    public TimeSpan AssociationGateTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A track not seen for this long is dropped from the live picture.</summary>
    public TimeSpan TrackIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Newest alerts a sector keeps in memory for fast catch-up; older ones come from the sector log. At the
    /// soak's 2 alerts/s per sector a 2,000-alert tail took 17 minutes to fill, and the alerts it dropped then
    /// died in gen2, whose free space kept growing (docs/performance.md section 9).
    /// </summary>
    public int AlertTail { get; set; } = 500;

    /// <summary>How often positions that did not change a verdict are written to the sector log.</summary>
    public TimeSpan TrackFlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Incident numbers a live sector reserves with one storage write. A restart skips the unused rest of a
    /// block (numbers may have gaps; they are never reused). Drills always reserve one at a time.
    /// </summary>
    public int IncidentNumberBlock { get; set; } = 64;
}
