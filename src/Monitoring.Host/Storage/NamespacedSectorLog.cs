namespace Monitoring.Host.Storage;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;

/// <summary>
/// The sector log the grains see: live sectors go to the durable log (SQLite or Redis), drill sectors to
/// memory. A drill is reproducible from its recording and does not outlive the host (docs/drills.md), so its
/// replay at "max" is not held back by the disk.
/// </summary>
public sealed class NamespacedSectorLog(ISectorLog durable, InMemorySectorLog drills) : ISectorLog
{
    public Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default)
        => For(sectorKey).LoadAsync(sectorKey, tailSize, cancellationToken);

    public Task CommitAsync(string sectorKey, IReadOnlyList<Alert> newAlerts, IReadOnlyList<TrackState> changedTracks, IReadOnlyList<string> removedTrackIds, CancellationToken cancellationToken = default)
        => For(sectorKey).CommitAsync(sectorKey, newAlerts, changedTracks, removedTrackIds, cancellationToken);

    public Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default)
        => For(sectorKey).ReadAlertsAsync(sectorKey, afterSeq, limit, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => durable.PingAsync(cancellationToken);

    private ISectorLog For(string sectorKey) => DrillNamespace.IsDrill(sectorKey) ? drills : durable;
}
