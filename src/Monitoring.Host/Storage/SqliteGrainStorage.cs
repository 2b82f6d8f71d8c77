using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Monitoring.Host.Storage;

/// <summary>
/// Embedded-mode grain storage: one row per (state name, grain id) in monitoring.db, guarded by an ETag.
/// ETags are random, not counters, so a state cleared and written again never matches an ETag
/// held by a stale activation from before the clear.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _name;
    private readonly SqliteDatabase _database;
    private readonly IGrainStorageSerializer _serializer;

    /// <param name="name">The provider name, for error messages.</param>
    /// <param name="serializer">Orleans' binary serializer keeps [GenerateSerializer] types round-tripping by [Id].</param>
    public SqliteGrainStorage(string name, SqliteDatabase database, IGrainStorageSerializer serializer)
    {
        _name = name;
        _database = database;
        _serializer = serializer;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        AddKey(command, stateName, grainId.ToString());

        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            // Like Orleans' own providers: a missing record leaves the default state in place.
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var etag = reader.GetString(0);
        var payload = (byte[])reader.GetValue(1);
        grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var newETag = Guid.NewGuid().ToString("N");
        await _database.WriteAsync(new GrainStateWrite(_name, stateName, grainId.ToString(), grainState.ETag, newETag, payload)).ConfigureAwait(false);
        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var turn = await _database.EnterWriteAsync().ConfigureAwait(false);
        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        AddKey(command, stateName, grainId.ToString());
        bool cleared;
        if (grainState.ETag is null)
        {
            // Nothing to clear is fine; a record the caller has never read is a conflict.
            command.CommandText = "SELECT 1 FROM grain_state WHERE state_name = $state AND grain_id = $grain";
            cleared = await command.ExecuteScalarAsync().ConfigureAwait(false) is null;
        }
        else
        {
            command.CommandText = "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain AND etag = $old";
            command.Parameters.AddWithValue("$old", grainState.ETag);
            cleared = await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        }

        if (!cleared)
        {
            throw await ConflictAsync(connection, null, _name, nameof(ClearStateAsync), stateName, grainId.ToString(), grainState.ETag).ConfigureAwait(false);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Binds the record's key ($state, $grain), as every statement on grain_state uses it.</summary>
    internal static void AddKey(SqliteCommand command, string stateName, string grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
    }

    /// <summary>The ETag conflict of a write or a clear, naming the ETag the record has now (read in the same transaction).</summary>
    internal static async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string provider, string operation, string stateName, string grainId, string? expectedETag)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        AddKey(command, stateName, grainId);
        var storedETag = await command.ExecuteScalarAsync().ConfigureAwait(false) as string;
        return new InconsistentStateException(
            $"ETag conflict in {operation}: provider {provider}, state {stateName}, grain {grainId}.",
            storedETag ?? "(none)",
            expectedETag ?? "(none)");
    }
}
