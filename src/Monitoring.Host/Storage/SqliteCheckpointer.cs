namespace Monitoring.Host.Storage;

using Microsoft.Data.Sqlite;
using Monitoring.Grains.Diagnostics;

/// <summary>
/// Copies monitoring.db's write-ahead log back into the database beside the group writer instead of inside it.
/// SQLite's automatic checkpoint runs in the commit that crosses 1,000 pages, and its fsync of the database
/// file (15–18 ms measured at 50,000 reports/s) stalled every sector commit queued behind that group. Connections
/// turn the automatic checkpoint off (<see cref="SqliteSchema.ConnectionPragmas"/>) and this loop runs a PASSIVE
/// checkpoint, which never blocks the writer, every period. The log restarts from its beginning only when a
/// checkpoint has caught up with it between two commits; if writes never pause that long and the log passes
/// <c>restartFrames</c>, the writer is held off once for a RESTART, so the file stays bounded.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly TimeSpan _period;
    private readonly long _restartFrames;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _restarts;

    public SqliteCheckpointer(SqliteDatabase database, TimeSpan period, long restartFrames)
    {
        _database = database;
        _period = period;
        _restartFrames = restartFrames;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Checkpoints that had to hold the writer off because the log never caught up.</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>One PASSIVE checkpoint, then a RESTART when the log is still over the bound. Returns the log's frames left.</summary>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (log, copied) = await RunAsync(connection, "PASSIVE", cancellationToken).ConfigureAwait(false);
        if (log >= _restartFrames)
        {
            using var turn = await _database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            var held = System.Diagnostics.Stopwatch.GetTimestamp();
            (log, copied) = await RunAsync(connection, "RESTART", cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _restarts);
            MonitoringMetrics.StorageCheckpointRestart.Record(MonitoringMetrics.Since(held));
        }

        return log - copied;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await CheckpointAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SqliteException or IOException)
                {
                    // A checkpoint that fails leaves the log as it was; the next period tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<(long Log, long Copied)> RunAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(1), reader.GetInt64(2)); // columns: busy, frames in the log, frames copied
    }
}
