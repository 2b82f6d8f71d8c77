using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;
using Monitoring.Host.Cluster;
using StackExchange.Redis;

namespace Monitoring.Host.Storage;

/// <summary>
/// Cluster-mode sector log on the shared multiplexer: per sector, a sorted set of alert JSON scored by seq,
/// a hash of track JSON and a lastSeq string (see <see cref="RedisSectorKeys"/>).
/// </summary>
public sealed class RedisSectorLog : ISectorLog
{
    private readonly RedisConnection _connection;
    private readonly string _serviceId;
    private readonly int _capacity;

    public RedisSectorLog(RedisConnection connection, string serviceId, IOptions<SectorLogOptions> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _connection = connection;
        _serviceId = serviceId;
        _capacity = SectorLogBatch.ValidCapacity(options.Value.Capacity);
    }

    // Resolved per call: the multiplexer connects lazily and reconnects by itself.
    private IDatabase Database => _connection.Multiplexer.GetDatabase();

    public async Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default)
    {
        var keys = RedisSectorKeys.For(_serviceId, sectorKey);
        // MULTI/EXEC: the three reads see one point in time, never half of a concurrent commit.
        var transaction = Database.CreateTransaction();
        var lastSeq = transaction.StringGetAsync(keys.LastSeq);
        var tracks = transaction.HashValuesAsync(keys.Tracks);
        var alerts = tailSize > 0
            ? transaction.SortedSetRangeByRankAsync(keys.Alerts, -tailSize, -1, Order.Ascending)
            : Task.FromResult(Array.Empty<RedisValue>());
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        var trackStates = (await tracks.ConfigureAwait(false))
            .Select(value => SectorLogJson.ReadTrack(value!))
            .OrderBy(track => track.TrackId, StringComparer.Ordinal)
            .ToList();
        var recent = (await alerts.ConfigureAwait(false)).Select(value => SectorLogJson.ReadAlert(value!)).ToList();
        var last = await lastSeq.ConfigureAwait(false);
        return new SectorLogSnapshot(last.IsNull ? 0 : (long)last, trackStates, recent);
    }

    public async Task CommitAsync(
        string sectorKey,
        IReadOnlyList<Alert> newAlerts,
        IReadOnlyList<TrackState> changedTracks,
        IReadOnlyList<string> removedTrackIds,
        CancellationToken cancellationToken = default)
    {
        SectorLogBatch.EnsureConsecutive(newAlerts);
        if (newAlerts.Count == 0 && changedTracks.Count == 0 && removedTrackIds.Count == 0)
        {
            return;
        }

        var args = new List<RedisValue>(4 + (2 * newAlerts.Count) + (2 * changedTracks.Count) + removedTrackIds.Count)
        {
            newAlerts.Count,
            changedTracks.Count,
            removedTrackIds.Count,
            _capacity,
        };
        foreach (var alert in newAlerts)
        {
            args.Add(alert.Seq);
            args.Add(SectorLogJson.Write(alert));
        }

        foreach (var track in changedTracks)
        {
            args.Add(track.TrackId);
            args.Add(SectorLogJson.Write(track));
        }

        foreach (var id in removedTrackIds)
        {
            args.Add(id);
        }

        var keys = RedisSectorKeys.For(_serviceId, sectorKey);
        var result = (RedisResult[])(await Database
            .ScriptEvaluateAsync(RedisSectorLogScript.Commit, keys.ToArray(), [.. args])
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false))!;
        if ((int)result[0] != RedisSectorLogScript.Applied)
        {
            throw SectorLogBatch.Gap(sectorKey, (long)result[1], newAlerts[0].Seq);
        }
    }

    public async Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        var keys = RedisSectorKeys.For(_serviceId, sectorKey);
        var values = await Database
            .SortedSetRangeByScoreAsync(keys.Alerts, afterSeq, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, limit)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return values.Select(value => SectorLogJson.ReadAlert(value!)).ToList();
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }
}
