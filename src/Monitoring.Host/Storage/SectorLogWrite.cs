namespace Monitoring.Host.Storage;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

/// <summary>One sector's commit waiting for the embedded log's group writer; Done completes when it is durable (or failed).</summary>
internal sealed class SectorLogWrite(
    string sectorKey,
    IReadOnlyList<Alert> newAlerts,
    IReadOnlyList<TrackState> changedTracks,
    IReadOnlyList<string> removedTrackIds,
    CancellationToken cancellationToken)
{
    public string SectorKey { get; } = sectorKey;

    public IReadOnlyList<Alert> NewAlerts { get; } = newAlerts;

    public IReadOnlyList<TrackState> ChangedTracks { get; } = changedTracks;

    public IReadOnlyList<string> RemovedTrackIds { get; } = removedTrackIds;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    // Asynchronous continuations: the writer loop must not run a grain's continuation inline.
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
