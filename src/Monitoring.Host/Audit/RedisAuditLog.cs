using Monitoring.Grains.Audit;
using Monitoring.Host.Cluster;
using StackExchange.Redis;

namespace Monitoring.Host.Audit;

/// <summary>
/// Cluster mode's audit log: a Redis list "{ServiceId}:audit" of stored lines, one chain shared by every host.
/// Optimistic concurrency keeps it a chain: a host hashes a batch on the head it knows and appends only if the list
/// has not grown meanwhile (<see cref="RedisAuditScript"/>); on a conflict it re-chains on the new head and retries.
/// Durable as far as the Redis server is (AOF with appendfsync always for a real deployment).
/// </summary>
public sealed class RedisAuditLog : ChainedAuditLog
{
    private readonly RedisConnection _connection;
    private readonly RedisKey _key;

    public RedisAuditLog(RedisConnection connection, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _key = AuditRedisKey.For(serviceId);
    }

    // Resolved per call: the multiplexer connects lazily and reconnects by itself.
    private IDatabase Database => _connection.Multiplexer.GetDatabase();

    public override async Task<IReadOnlyList<AuditRecord>> ReadAsync(long from, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var values = await Database.ListRangeAsync(_key, from, from + limit - 1).WaitAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<AuditRecord>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            records.Add(Parse(values[i], from + i));
        }

        return records;
    }

    protected override async Task<AuditHead> LoadHeadAsync(CancellationToken cancellationToken)
    {
        // MULTI/EXEC: length and last element from the same moment.
        var transaction = Database.CreateTransaction();
        var length = transaction.ListLengthAsync(_key);
        var last = transaction.ListGetByIndexAsync(_key, -1);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return Head(await length.ConfigureAwait(false), await last.ConfigureAwait(false));
    }

    protected override async Task<AuditHead?> TryAppendAsync(AuditHead expected, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var args = new RedisValue[records.Count + 1];
        args[0] = expected.NextIndex;
        for (var i = 0; i < records.Count; i++)
        {
            args[i + 1] = AuditChain.Line(records[i]);
        }

        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisAuditScript.Append, [_key], args)
            .WaitAsync(cancellationToken).ConfigureAwait(false))!;
        if ((int)result[0] == 1)
        {
            return null;
        }

        return Head((long)result[1], (RedisValue)result[2]);
    }

    private AuditHead Head(long length, RedisValue last)
    {
        if (length == 0)
        {
            return AuditHead.Empty;
        }

        var record = Parse(last, length - 1);
        return AuditHead.After(record);
    }

    private AuditRecord Parse(RedisValue value, long position)
    {
        string? error = "missing";
        if (value.IsNull || !AuditChain.TryParseLine(value.ToString(), out var record, out error))
        {
            throw new InvalidDataException($"Audit list {_key}, element {position} is unparsable ({error}); the chain cannot be continued. "
                + "Check it with `monitoring audit verify --redis ...`.");
        }

        if (record!.Index != position)
        {
            // Never chain on top of a list whose positions and indexes disagree: that would hide the damage.
            throw new InvalidDataException($"Audit list {_key}, element {position} holds index {record.Index}; the chain is damaged.");
        }

        return record;
    }
}
