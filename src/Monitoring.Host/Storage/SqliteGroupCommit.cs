namespace Monitoring.Host.Storage;

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Monitoring.Grains.Diagnostics;

/// <summary>
/// Group commit for monitoring.db: one writer takes every write queued meanwhile (sector commits, grain
/// states, deadlines) and applies them in a single IMMEDIATE transaction, so one fsync (synchronous = FULL)
/// makes a whole group durable instead of one per write. Each write runs inside its own savepoint: one that
/// fails (a seq gap, an ETag conflict) is rolled back alone and fails alone, exactly as when it had its own
/// transaction.
/// </summary>
internal sealed class SqliteGroupCommit
{
    private const int MaxGroup = 512;
    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteDatabase _database;
    private long _groups;

    public SqliteGroupCommit(SqliteDatabase database)
    {
        _database = database;
        _ = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions (fsyncs) so far: fewer than commits when sectors share them.</summary>
    public long Groups => Interlocked.Read(ref _groups);

    public Task CommitAsync(SqliteWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            write.Done.TrySetException(new ObjectDisposedException(nameof(SqliteGroupCommit)));
        }

        return write.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<SqliteWrite>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Done.TrySetCanceled(next.CancellationToken);
                }
                else
                {
                    group.Add(next);
                }
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitGroupAsync(List<SqliteWrite> group)
    {
        var applied = new List<SqliteWrite>(group.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var turn = await _database.EnterWriteAsync().ConfigureAwait(false);
            await using var connection = await _database.OpenAsync().ConfigureAwait(false);
            // Disposing without CommitAsync rolls everything back: a failed commit leaves nothing behind.
            await using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < group.Count; i++)
            {
                var write = group[i];
                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint).ConfigureAwait(false);
                try
                {
                    await write.ApplyAsync(connection, transaction).ConfigureAwait(false);
                    await transaction.ReleaseAsync(savepoint).ConfigureAwait(false);
                    applied.Add(write);
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 10 or 13 }) // not disk I/O or full: this write alone
                {
                    await transaction.RollbackAsync(savepoint).ConfigureAwait(false);
                    await transaction.ReleaseAsync(savepoint).ConfigureAwait(false);
                    write.Done.TrySetException(ex);
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _groups);
            MonitoringMetrics.StorageTransaction.Record(MonitoringMetrics.Since(started));
            MonitoringMetrics.StorageTransactionWrites.Record(group.Count);
        }
        catch (Exception ex)
        {
            // The transaction did not commit: none of this group is durable.
            foreach (var write in group)
            {
                write.Done.TrySetException(ex);
            }

            return;
        }

        foreach (var write in applied)
        {
            write.Done.TrySetResult();
        }
    }
}
