namespace Monitoring.LoadTests.Workload;

/// <summary>One sensor's share of the workload: its tracks, reported round-robin, one batch per POST.</summary>
public sealed class SensorLane(string sensorId, string sectorId, PlannedTrack[] tracks)
{
    private long _next;

    public string SensorId { get; } = sensorId;

    public string SectorId { get; } = sectorId;

    public PlannedTrack[] Tracks { get; } = tracks;

    /// <summary>The next track to report (thread-safe round-robin).</summary>
    public PlannedTrack NextTrack() => Tracks[(int)((ulong)(Interlocked.Increment(ref _next) - 1) % (ulong)Tracks.Length)];
}
