using Monitoring.Grains.Audit;
using Monitoring.Host.Audit;
using Monitoring.Host.Cluster;
using Monitoring.Host.Tests.Infrastructure;

namespace Monitoring.Host.Tests.Audit;

public sealed class RedisAuditLogTests : IClassFixture<RedisServer>
{
    private readonly RedisServer _redis;

    public RedisAuditLogTests(RedisServer redis) => _redis = redis;

    [Fact]
    public async Task Appends_form_a_valid_chain_in_the_service_list()
    {
        var serviceId = NewServiceId();
        using var connection = new RedisConnection(_redis.ConnectionString);
        await using var log = new RedisAuditLog(connection, serviceId);
        for (var i = 0; i < 40; i++)
        {
            await log.AppendAsync(AuditTestData.Entry(i, drillId: i == 3 ? "drill-9" : null));
        }

        var lines = (await connection.Multiplexer.GetDatabase().ListRangeAsync($"{serviceId}:audit")).Select(v => v.ToString()).ToList();
        Assert.Equal(40, lines.Count);
        var result = AuditChainVerifier.Verify(lines);
        Assert.True(result.IsValid, result.Break?.Reason);

        var page = await log.ReadAsync(35, 100);
        Assert.Equal([35L, 36, 37, 38, 39], page.Select(r => r.Index));
        Assert.Equal(AuditTestData.Entry(36), page[1].Entry);
        Assert.Equal("drill-9", (await log.ReadAsync(3, 1))[0].Entry.DrillId);
    }

    [Fact]
    public async Task A_restarted_host_continues_the_chain()
    {
        var serviceId = NewServiceId();
        using var connection = new RedisConnection(_redis.ConnectionString);
        await using (var first = new RedisAuditLog(connection, serviceId))
        {
            await first.AppendAsync(AuditTestData.Entry(0));
            await first.AppendAsync(AuditTestData.Entry(1));
        }

        await using var second = new RedisAuditLog(connection, serviceId);
        Assert.Equal(2, (await second.GetHeadAsync()).NextIndex);
        await second.AppendAsync(AuditTestData.Entry(2));
        Assert.True(AuditChainVerifier.Verify((await second.ReadAsync(0, 10)).Select(AuditChain.Line)).IsValid);
    }

    [Fact]
    public async Task Two_hosts_appending_concurrently_keep_one_gap_free_chain()
    {
        var serviceId = NewServiceId();
        // Two hosts: separate multiplexers, separate logs, one list.
        using var connectionA = new RedisConnection(_redis.ConnectionString);
        using var connectionB = new RedisConnection(_redis.ConnectionString);
        await using var hostA = new RedisAuditLog(connectionA, serviceId);
        await using var hostB = new RedisAuditLog(connectionB, serviceId);
        const int TasksPerHost = 4;
        const int PerTask = 100;
        // Connect both first, so neither host has finished before the other starts.
        await Task.WhenAll(hostA.GetHeadAsync(), hostB.GetHeadAsync());
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = new[] { ("a", hostA), ("b", hostB) }
            .SelectMany(host => Enumerable.Range(0, TasksPerHost).Select(t => Task.Run(async () =>
            {
                await start.Task;
                for (var i = 0; i < PerTask; i++)
                {
                    await host.Item2.AppendAsync(new AuditEntry(AuditTestData.Start, $"{host.Item1}-{t}", "test.appended", $"n:{i}"));
                }
            }))).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var records = await hostA.ReadAsync(0, 10_000);
        Assert.Equal(2 * TasksPerHost * PerTask, records.Count);
        var result = AuditChainVerifier.Verify(records.Select(AuditChain.Line));
        Assert.True(result.IsValid, result.Break?.Reason);
        Assert.Equal(2 * TasksPerHost * PerTask, records.Select(r => (r.Entry.Actor, r.Entry.Subject)).Distinct().Count());
        // How much the hosts interleave depends on timing (group commit makes each fast); the test below forces the conflict path.
    }

    [Fact]
    public async Task A_host_with_a_stale_head_rechains_on_the_other_hosts_entries()
    {
        var serviceId = NewServiceId();
        using var connectionA = new RedisConnection(_redis.ConnectionString);
        using var connectionB = new RedisConnection(_redis.ConnectionString);
        await using var hostA = new RedisAuditLog(connectionA, serviceId);
        await using var hostB = new RedisAuditLog(connectionB, serviceId);

        // Each append after the first finds its cached head stale: the script refuses it and the host re-chains.
        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? hostA : hostB).AppendAsync(AuditTestData.Entry(i));
        }

        var records = await hostB.ReadAsync(0, 100);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => AuditTestData.Entry(i)), records.Select(r => r.Entry));
        var result = AuditChainVerifier.Verify(records.Select(AuditChain.Line));
        Assert.True(result.IsValid, result.Break?.Reason);
    }

    [Fact]
    public async Task A_damaged_tail_stops_appends()
    {
        var serviceId = NewServiceId();
        using var connection = new RedisConnection(_redis.ConnectionString);
        await connection.Multiplexer.GetDatabase().ListRightPushAsync($"{serviceId}:audit", "garbage");
        await using var log = new RedisAuditLog(connection, serviceId);
        await Assert.ThrowsAsync<InvalidDataException>(() => log.AppendAsync(AuditTestData.Entry(0)).AsTask());
        Assert.Equal(1, await connection.Multiplexer.GetDatabase().ListLengthAsync($"{serviceId}:audit"));
    }

    private static string NewServiceId() => "audit-" + Guid.NewGuid().ToString("N")[..8];
}
