using System.Text.Json.Nodes;
using Monitoring.Cli.Tests.Support;
using Monitoring.Host.Tests.Infrastructure;
using StackExchange.Redis;

namespace Monitoring.Cli.Tests.Commands;

public sealed class AuditVerifyRedisTests
{
    [Fact]
    public async Task Verifies_the_cluster_list_and_names_an_edited_entry()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = connection.GetDatabase();
        // More than one page of the verifier's LRANGE reads.
        var lines = AuditLines.Chain(2100);
        await database.ListRightPushAsync("svc-a:audit", lines.Select(line => (RedisValue)line).ToArray());

        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--redis", redis.ConnectionString, "--service-id", "svc-a");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Checked 2100 entries.", output);
        Assert.Contains("svc-a:audit", output);

        var tampered = JsonNode.Parse(lines[1500])!;
        tampered["detail"] = "nothing to see";
        await database.ListSetByIndexAsync("svc-a:audit", 1500, tampered.ToJsonString());

        (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--redis", redis.ConnectionString, "--service-id", "svc-a");
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("BROKEN at index 1500 (hash mismatch)", output);
    }

    [Fact]
    public async Task An_unreachable_redis_exits_2()
    {
        var port = FreePort.Next();
        var (exitCode, output) = await CliRun.RunAsync("audit", "verify", "--redis", $"127.0.0.1:{port},connectTimeout=500");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Cannot read the audit log", output);
    }
}
