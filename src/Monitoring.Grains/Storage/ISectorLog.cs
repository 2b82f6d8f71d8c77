namespace Monitoring.Grains.Storage;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

/// <summary>
/// The durable, append-only record of one sector in one namespace (sector key "S12" or "drill-7/S12"):
/// its alerts (gap-free seq, bounded) and its tracks' latest states.
/// A separate log instead of whole-state rewrites keeps each commit proportional to what changed.
/// </summary>
public interface ISectorLog
{
    /// <summary>Reads back what a sector had committed: last seq, its tracks, and the newest alerts (up to tailSize).</summary>
    Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically appends alerts (seq strictly increasing, continuing the log) and upserts/removes tracks.
    /// Keeps at most the configured capacity of alerts per sector, dropping the oldest.
    /// </summary>
    Task CommitAsync(
        string sectorKey,
        IReadOnlyList<Alert> newAlerts,
        IReadOnlyList<TrackState> changedTracks,
        IReadOnlyList<string> removedTrackIds,
        CancellationToken cancellationToken = default);

    /// <summary>Alerts with seq &gt; afterSeq, oldest first, at most limit.</summary>
    Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>True when the store answers (for /health/ready).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
