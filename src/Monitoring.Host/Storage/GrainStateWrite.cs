namespace Monitoring.Host.Storage;

using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>
/// One grain state on its way into grain_state, guarded by its ETag: it joins the group writer's
/// transaction like a sector commit, so a burst of incident writes shares fsyncs with everything else.
/// A conflict fails this write alone.
/// </summary>
internal sealed class GrainStateWrite(string provider, string stateName, string grainId, string? oldETag, string newETag, byte[] payload)
    : SqliteWrite(CancellationToken.None)
{
    public override async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = oldETag is null
            // No ETag: the caller believes there is no record, so only an insert is valid.
            ? """
              INSERT INTO grain_state (state_name, grain_id, etag, payload, written_at)
              VALUES ($state, $grain, $new, $payload, $now)
              ON CONFLICT (state_name, grain_id) DO NOTHING
              """
            : """
              UPDATE grain_state SET etag = $new, payload = $payload, written_at = $now
              WHERE state_name = $state AND grain_id = $grain AND etag = $old
              """;
        SqliteGrainStorage.AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("$new", newETag);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$old", (object?)oldETag ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
        {
            throw await SqliteGrainStorage.ConflictAsync(connection, transaction, provider, nameof(SqliteGrainStorage.WriteStateAsync), stateName, grainId, oldETag).ConfigureAwait(false);
        }
    }
}
