using System.Collections.Concurrent;

namespace Monitoring.Grains.Audit;

/// <summary>
/// The store-independent half of an audit log: chaining and group commit. Concurrent callers queue their entries;
/// whoever holds the commit gate chains everything queued onto the head and hands it to the store in one write
/// (one fsync or one Redis round trip for many entries), then completes every caller in that batch.
/// A store only loads its head and appends a batch if the head is still where the batch was chained.
/// </summary>
public abstract class ChainedAuditLog : IAuditLog, IAsyncDisposable, IDisposable
{
    /// <summary>At most this many entries go into one write.</summary>
    public const int MaxBatch = 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<PendingEntry> _queue = new();
    private AuditHead? _head;
    private bool _disposed;

    public async ValueTask AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        // Hash it once here so a bad entry fails its own caller, never the batch it would have joined.
        AuditChain.Hash(0, entry, AuditChain.GenesisHash);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pending = new PendingEntry(entry);
        _queue.Enqueue(pending);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (pending.TryCancel())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another caller's batch already took the entry: it will be written, so report how that went.
            await pending.Completion.ConfigureAwait(false);
            return;
        }

        try
        {
            // The batch size cap may leave this entry for the next round; it is still queued, so keep committing.
            while (!pending.Completion.IsCompleted)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                await CommitQueuedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        await pending.Completion.ConfigureAwait(false);
    }

    public abstract Task<IReadOnlyList<AuditRecord>> ReadAsync(long from, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The head as this log last wrote or loaded it (loaded on first use, which also opens and repairs the store).
    /// With several writers (Redis) another host may have appended since.
    /// </summary>
    public async Task<AuditHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _head ??= await LoadHeadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await DisposeStoreAsync().ConfigureAwait(false);
            while (_queue.TryDequeue(out var orphan))
            {
                orphan.Fail(new ObjectDisposedException(GetType().Name));
            }
        }
        finally
        {
            _gate.Release();
        }

        GC.SuppressFinalize(this);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Reads the store's head (and opens or re-opens it). Called before the first write and after a failed one,
    /// so a store can repair itself there (e.g. cut a torn tail).
    /// </summary>
    protected abstract Task<AuditHead> LoadHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Durably appends records chained on <paramref name="expected"/> if the store's head is still there.
    /// Returns null when appended, or the store's current head when another writer got there first (nothing written).
    /// </summary>
    protected abstract Task<AuditHead?> TryAppendAsync(AuditHead expected, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    protected virtual ValueTask DisposeStoreAsync() => ValueTask.CompletedTask;

    // Runs under the gate. The store call gets no caller's token: the batch holds other callers' entries too.
    private async Task CommitQueuedAsync()
    {
        var batch = new List<PendingEntry>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            if (next.TryClaim())
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var head = _head ??= await LoadHeadAsync(CancellationToken.None).ConfigureAwait(false);
            while (true)
            {
                var records = Chain(head, batch);
                var current = await TryAppendAsync(head, records, CancellationToken.None).ConfigureAwait(false);
                if (current is null)
                {
                    _head = AuditHead.After(records[^1]);
                    break;
                }

                head = _head = current;
            }

            foreach (var pending in batch)
            {
                pending.Succeed();
            }
        }
        catch (Exception exception)
        {
            // The store may hold part of the batch; forget the head so the next batch re-reads (and repairs) it.
            _head = null;
            foreach (var pending in batch)
            {
                pending.Fail(exception);
            }
        }
    }

    private static List<AuditRecord> Chain(AuditHead head, List<PendingEntry> batch)
    {
        var records = new List<AuditRecord>(batch.Count);
        foreach (var pending in batch)
        {
            var record = AuditChain.Next(head, pending.Entry);
            records.Add(record);
            head = AuditHead.After(record);
        }

        return records;
    }
}
