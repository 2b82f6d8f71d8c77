namespace Monitoring.Host.Storage;

using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

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
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
        command.Parameters.AddWithValue("$new", newETag);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$old", (object?)oldETag ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
        {
            throw await ConflictAsync(connection, transaction).ConfigureAwait(false);
        }
    }

    private async Task<InconsistentStateException> ConflictAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
        var storedETag = await command.ExecuteScalarAsync().ConfigureAwait(false) as string;
        return new InconsistentStateException(
            $"ETag conflict in WriteStateAsync: provider {provider}, state {stateName}, grain {grainId}.",
            storedETag ?? "(none)",
            oldETag ?? "(none)");
    }
}
