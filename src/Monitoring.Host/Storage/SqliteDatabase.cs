using Microsoft.Data.Sqlite;

namespace Monitoring.Host.Storage;

/// <summary>
/// The embedded-mode database file ({DataDirectory}/monitoring.db), shared by the grain storage and the sector log.
/// Each operation opens its own pooled connection: WAL lets readers run beside the one writer.
/// Writers in this process queue on an async write gate instead of colliding in SQLite: a busy
/// write makes Microsoft.Data.Sqlite sleep 150 ms on a pool thread before retrying, which capped
/// ingestion at a few thousand reports per second (docs/performance.md).
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "monitoring.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lazy<SqliteGroupCommit> _groupCommit;
    private SqliteCheckpointer? _checkpointer;
    private volatile bool _schemaReady;

    /// <param name="filePath">The database file; its directory is created when missing.</param>
    public SqliteDatabase(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Seconds a command waits on another connection's write lock before failing.
            DefaultTimeout = 30,
        }.ToString();
        _groupCommit = new Lazy<SqliteGroupCommit>(() =>
        {
            // Started with the writer: every write but a rare grain-state clear goes through it.
            _checkpointer = new SqliteCheckpointer(this, CheckpointPeriod, CheckpointRestartFrames);
            return new SqliteGroupCommit(this);
        });
    }

    /// <summary>How often the log is checkpointed beside the writer.</summary>
    internal static readonly TimeSpan CheckpointPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>16,384 pages (64 MiB): past this the writer is held off once so that the log can restart.</summary>
    internal const long CheckpointRestartFrames = 16_384;

    public string FilePath { get; }

    /// <summary>The database of a data directory: {dataDirectory}/monitoring.db.</summary>
    public static SqliteDatabase InDirectory(string dataDirectory)
        => new(Path.Combine(dataDirectory, FileName));

    /// <summary>Opens a connection, creating the schema on first use. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, SqliteSchema.ConnectionPragmas, cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The checkpoint loop (null until the first group write).</summary>
    internal SqliteCheckpointer? Checkpointer => _checkpointer;

    /// <summary>Transactions (fsyncs) of the group writer so far: fewer than writes when they share them.</summary>
    public long Groups => _groupCommit.IsValueCreated ? _groupCommit.Value.Groups : 0;

    /// <summary>
    /// Queues a write for the group writer: it joins every write queued meanwhile in one transaction. Completes
    /// when the write is durable; faults with the write's own error, or the group's.
    /// </summary>
    internal Task WriteAsync(SqliteWrite write) => _groupCommit.Value.CommitAsync(write);

    /// <summary>Waits for this process's turn to write; dispose the result to pass it on.</summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(_writeGate);
    }

    /// <summary>Closes the pooled connections, so the file can be reopened or deleted (a host "restart").</summary>
    public void Dispose()
    {
        // Stopped first: a checkpoint must not reopen a connection after the pool is cleared.
        _checkpointer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _schemaGate.Dispose();
    }

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
