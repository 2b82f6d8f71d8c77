using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;

namespace Monitoring.Host.Storage;

/// <summary>
/// Embedded-mode sector log in monitoring.db: sector_head (last seq), sector_alert and sector_track.
/// Commits are group-committed (SqliteGroupCommit): each runs in its own savepoint of an IMMEDIATE
/// transaction, so the seq check and the writes cannot interleave with another writer.
/// </summary>
public sealed class SqliteSectorLog : ISectorLog
{
    private readonly SqliteDatabase _database;
    private readonly int _capacity;

    public SqliteSectorLog(SqliteDatabase database, IOptions<SectorLogOptions> options)
    {
        _database = database;
        _capacity = SectorLogBatch.ValidCapacity(options.Value.Capacity);
    }

    public async Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: the three reads see the same commit.
        await using var transaction = connection.BeginTransaction(deferred: true);

        var lastSeq = await ReadLastSeqAsync(connection, transaction, sectorKey, cancellationToken).ConfigureAwait(false);

        var tracks = new List<TrackState>();
        await using (var command = Command(connection, transaction, sectorKey,
            "SELECT payload FROM sector_track WHERE sector_key = $sector ORDER BY track_id"))
        {
            await foreach (var json in ReadStringsAsync(command, cancellationToken).ConfigureAwait(false))
            {
                tracks.Add(SectorLogJson.ReadTrack(json));
            }
        }

        var alerts = new List<Alert>();
        if (tailSize > 0)
        {
            await using var command = Command(connection, transaction, sectorKey,
                """
                SELECT payload FROM (
                    SELECT seq, payload FROM sector_alert WHERE sector_key = $sector ORDER BY seq DESC LIMIT $limit)
                ORDER BY seq
                """);
            command.Parameters.AddWithValue("$limit", tailSize);
            await foreach (var json in ReadStringsAsync(command, cancellationToken).ConfigureAwait(false))
            {
                alerts.Add(SectorLogJson.ReadAlert(json));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SectorLogSnapshot(lastSeq, tracks, alerts);
    }

    public async Task CommitAsync(
        string sectorKey,
        IReadOnlyList<Alert> newAlerts,
        IReadOnlyList<TrackState> changedTracks,
        IReadOnlyList<string> removedTrackIds,
        CancellationToken cancellationToken = default)
    {
        SectorLogBatch.EnsureConsecutive(newAlerts);
        if (newAlerts.Count == 0 && changedTracks.Count == 0 && removedTrackIds.Count == 0)
        {
            return;
        }

        // Queued for the group writer: sectors committing at the same time share one transaction and one fsync.
        await _database.WriteAsync(new SectorLogWrite(sectorKey, newAlerts, changedTracks, removedTrackIds, ApplyAsync, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>One sector's commit inside the group's transaction (its own savepoint).</summary>
    private async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, SectorLogWrite write)
    {
        var sectorKey = write.SectorKey;
        var newAlerts = write.NewAlerts;
        var changedTracks = write.ChangedTracks;
        var removedTrackIds = write.RemovedTrackIds;
        var cancellationToken = CancellationToken.None; // inside a shared transaction, one caller's cancellation must not cut the group
        if (newAlerts.Count > 0)
        {
            await AppendAlertsAsync(connection, transaction, sectorKey, newAlerts, cancellationToken).ConfigureAwait(false);
        }

        if (changedTracks.Count > 0)
        {
            await using var upsert = Command(connection, transaction, sectorKey,
                """
                INSERT INTO sector_track (sector_key, track_id, payload) VALUES ($sector, $track, $payload)
                ON CONFLICT (sector_key, track_id) DO UPDATE SET payload = excluded.payload
                """);
            var trackId = upsert.Parameters.Add("$track", SqliteType.Text);
            var payload = upsert.Parameters.Add("$payload", SqliteType.Text);
            foreach (var track in changedTracks)
            {
                trackId.Value = track.TrackId;
                payload.Value = SectorLogJson.Write(track);
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // Removals run after upserts: a track both changed and removed in one commit ends up removed.
        if (removedTrackIds.Count > 0)
        {
            await using var delete = Command(connection, transaction, sectorKey,
                "DELETE FROM sector_track WHERE sector_key = $sector AND track_id = $track");
            var trackId = delete.Parameters.Add("$track", SqliteType.Text);
            foreach (var id in removedTrackIds)
            {
                trackId.Value = id;
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        var alerts = new List<Alert>();
        if (limit <= 0)
        {
            return alerts;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sectorKey,
            "SELECT payload FROM sector_alert WHERE sector_key = $sector AND seq > $after ORDER BY seq LIMIT $limit");
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        await foreach (var json in ReadStringsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(SectorLogJson.ReadAlert(json));
        }

        return alerts;
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task AppendAlertsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sectorKey, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var lastSeq = await ReadLastSeqAsync(connection, transaction, sectorKey, cancellationToken).ConfigureAwait(false);
        if (alerts[0].Seq != lastSeq + 1)
        {
            throw SectorLogBatch.Gap(sectorKey, lastSeq, alerts[0].Seq);
        }

        await using (var insert = Command(connection, transaction, sectorKey,
            "INSERT INTO sector_alert (sector_key, seq, payload) VALUES ($sector, $seq, $payload)"))
        {
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var payload = insert.Parameters.Add("$payload", SqliteType.Text);
            foreach (var alert in alerts)
            {
                seq.Value = alert.Seq;
                payload.Value = SectorLogJson.Write(alert);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var newLastSeq = alerts[^1].Seq;
        // Seqs are gap-free, so keeping the newest N means keeping seq > last - N (a primary-key range delete).
        await using var head = Command(connection, transaction, sectorKey,
            """
            INSERT INTO sector_head (sector_key, last_seq) VALUES ($sector, $last)
            ON CONFLICT (sector_key) DO UPDATE SET last_seq = excluded.last_seq;
            DELETE FROM sector_alert WHERE sector_key = $sector AND seq <= $last - $capacity;
            """);
        head.Parameters.AddWithValue("$last", newLastSeq);
        head.Parameters.AddWithValue("$capacity", _capacity);
        await head.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ReadLastSeqAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sectorKey, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sectorKey,
            "SELECT last_seq FROM sector_head WHERE sector_key = $sector");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long lastSeq ? lastSeq : 0;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sectorKey, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sector", sectorKey);
        return command;
    }

    private static async IAsyncEnumerable<string> ReadStringsAsync(
        SqliteCommand command, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }
}
