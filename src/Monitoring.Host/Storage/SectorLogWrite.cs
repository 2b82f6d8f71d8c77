namespace Monitoring.Host.Storage;

using Microsoft.Data.Sqlite;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

/// <summary>One sector's commit waiting for the group writer; the sector log says how it is applied.</summary>
internal sealed class SectorLogWrite(
    string sectorKey,
    IReadOnlyList<Alert> newAlerts,
    IReadOnlyList<TrackState> changedTracks,
    IReadOnlyList<string> removedTrackIds,
    Func<SqliteConnection, SqliteTransaction, SectorLogWrite, Task> apply,
    CancellationToken cancellationToken) : SqliteWrite(cancellationToken)
{
    public string SectorKey { get; } = sectorKey;

    public IReadOnlyList<Alert> NewAlerts { get; } = newAlerts;

    public IReadOnlyList<TrackState> ChangedTracks { get; } = changedTracks;

    public IReadOnlyList<string> RemovedTrackIds { get; } = removedTrackIds;

    public override Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction) => apply(connection, transaction, this);
}
