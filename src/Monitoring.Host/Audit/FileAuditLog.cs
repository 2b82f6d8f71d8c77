using System.Text;
using Monitoring.Grains.Audit;

namespace Monitoring.Host.Audit;

/// <summary>
/// Embedded mode's audit log: an append-only file of stored lines (see <see cref="AuditFile"/>), flushed to disk
/// (fsync) before AppendAsync returns. On open it cuts a torn last line (a crash mid-append, never acknowledged)
/// and continues the chain from the last complete line.
/// </summary>
public sealed class FileAuditLog : ChainedAuditLog
{
    private readonly string _path;
    private readonly ILogger<FileAuditLog> _logger;
    private FileStream? _stream;
    private long _committedLength;

    public FileAuditLog(string path, ILogger<FileAuditLog> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = System.IO.Path.GetFullPath(path);
        _logger = logger;
    }

    public string FilePath => _path;

    public override async Task<IReadOnlyList<AuditRecord>> ReadAsync(long from, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // Opening first cuts a torn tail; after that only the committed prefix is read, never a batch being written.
        await GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var end = Volatile.Read(ref _committedLength);
        var records = new List<AuditRecord>(Math.Min(limit, 1024));
        if (limit == 0)
        {
            return records;
        }

        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        long position = 0;
        await foreach (var line in AuditFile.ReadLinesAsync(stream, end, cancellationToken).ConfigureAwait(false))
        {
            if (position++ < from)
            {
                continue;
            }

            if (!AuditChain.TryParseLine(line, out var record, out var error))
            {
                throw new InvalidDataException(
                    $"Audit log {_path}, line {position}: {error}. Check it with `monitoring audit verify --file {_path}`.");
            }

            records.Add(record!);
            if (records.Count == limit)
            {
                break;
            }
        }

        return records;
    }

    protected override Task<AuditHead> LoadHeadAsync(CancellationToken cancellationToken)
    {
        _stream?.Dispose();
        _stream = null;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1, FileOptions.None);
        try
        {
            var complete = AuditFile.CompleteLength(stream);
            if (complete < stream.Length)
            {
                _logger.LogWarning(
                    "Audit log {Path}: cut a torn last line of {Bytes} byte(s) (a crash mid-append; it was never acknowledged)",
                    _path, stream.Length - complete);
                stream.SetLength(complete);
                stream.Flush(flushToDisk: true);
            }

            var head = AuditHead.Empty;
            if (AuditFile.LastLine(stream, complete) is { } last)
            {
                if (!AuditChain.TryParseLine(last, out var record, out var error))
                {
                    // Never start a second chain on top of a damaged one: that would hide the damage.
                    throw new InvalidDataException(
                        $"Audit log {_path}: the last line is unparsable ({error}); the chain cannot be continued. "
                        + $"Check it with `monitoring audit verify --file {_path}`.");
                }

                head = AuditHead.After(record!);
            }

            stream.Position = complete;
            _stream = stream;
            Volatile.Write(ref _committedLength, complete);
            return Task.FromResult(head);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    protected override async Task<AuditHead?> TryAppendAsync(AuditHead expected, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("The audit log is not open.");
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(AuditChain.Line(record)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        // fsync: the entries are on disk, not in a cache, before any caller hears "done".
        stream.Flush(flushToDisk: true);
        Volatile.Write(ref _committedLength, stream.Position);
        return null;
    }

    protected override ValueTask DisposeStoreAsync()
    {
        _stream?.Dispose();
        _stream = null;
        return ValueTask.CompletedTask;
    }
}
