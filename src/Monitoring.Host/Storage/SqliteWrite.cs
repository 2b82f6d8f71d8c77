namespace Monitoring.Host.Storage;

using Microsoft.Data.Sqlite;

/// <summary>
/// One write waiting for the database's group writer (<see cref="SqliteGroupCommit"/>): a sector commit,
/// a grain state, a deadline. Done completes when the write is durable, or faults when it failed.
/// </summary>
internal abstract class SqliteWrite(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    // Asynchronous continuations: the writer loop must not run a grain's continuation inline.
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Applies the write inside the group's transaction (in its own savepoint). Throwing fails this write alone.</summary>
    public abstract Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction);
}
