using Microsoft.Extensions.Options;
using Monitoring.Grains.Storage;
using Monitoring.Host.Cluster;
using Monitoring.Host.Storage;
using Monitoring.Host.Tests.Infrastructure;
using StackExchange.Redis;
using static Monitoring.Host.Tests.Storage.SectorLogSamples;

namespace Monitoring.Host.Tests.Storage;

/// <summary>The sector log contract against a real redis-server, one per test class; each test has its own ServiceId.</summary>
public sealed class RedisSectorLogTests : SectorLogContract, IClassFixture<RedisServer>
{
    private readonly RedisServer _redis;
    private readonly string _serviceId = "test-" + Guid.NewGuid().ToString("N");
    private readonly List<RedisConnection> _connections = [];

    public RedisSectorLogTests(RedisServer redis) => _redis = redis;

    protected override ISectorLog Open(int capacity = 1_000)
    {
        var connection = new RedisConnection(_redis.ConnectionString);
        _connections.Add(connection);
        return new RedisSectorLog(connection, _serviceId, Options.Create(new SectorLogOptions { Capacity = capacity }));
    }

    protected override Task RestartAsync()
    {
        _connections.ForEach(connection => connection.Dispose());
        _connections.Clear();
        return Task.CompletedTask;
    }

    public override Task DisposeAsync() => RestartAsync();

    [Fact]
    public async Task Keys_are_prefixed_by_service_and_share_a_cluster_slot()
    {
        await Open().CommitAsync("drill-7/S12", AlertRange(1, 2), [Track("T1")], []);

        using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var database = connection.GetDatabase();
        var prefix = $"{_serviceId}:sector:{{drill-7/S12}}:";
        Assert.Equal(2, (long)await database.StringGetAsync(prefix + "lastSeq"));
        Assert.Equal(2, await database.SortedSetLengthAsync(prefix + "alerts"));
        var track = (string?)await database.HashGetAsync(prefix + "tracks", "T1");
        Assert.Contains("\"verdict\":\"approaching\"", track, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_answers_false_when_redis_is_unreachable()
    {
        using var connection = new RedisConnection($"127.0.0.1:{FreePort.Next()},connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var log = new RedisSectorLog(connection, _serviceId, Options.Create(new SectorLogOptions()));

        Assert.False(await log.PingAsync());
    }
}
