namespace Monitoring.Host.Tests.Diagnostics;

using System.Net;
using System.Text.Json;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// GET /api/diagnostics/runtime, which load generators and monitoring agents sample: memory, collections and the
/// CPU time used so far, for a sensor key or an operator, and nobody else.
/// </summary>
public sealed class RuntimeDiagnosticsTests : IAsyncLifetime
{
    private readonly MonitoringApp _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_sensor_key_reads_memory_and_a_cpu_time_that_grows_with_work()
    {
        using var client = _app.SensorClient();

        var before = await ReadAsync(client);
        var spinUntil = DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
        while (DateTime.UtcNow < spinUntil)
        {
            Thread.SpinWait(1000); // CPU work in this process, which is the host under test
        }

        var after = await ReadAsync(client);

        Assert.True(before.GetProperty("rssMb").GetDouble() > 0);
        Assert.True(before.GetProperty("gcHeapMb").GetDouble() > 0);
        Assert.True(before.GetProperty("cpuS").GetDouble() > 0);
        Assert.True(after.GetProperty("cpuS").GetDouble() >= before.GetProperty("cpuS").GetDouble() + 0.1, $"cpuS {before.GetProperty("cpuS")} then {after.GetProperty("cpuS")}");
    }

    [Fact]
    public async Task An_operator_reads_it_too()
    {
        using var client = await _app.ClientFor("op-west");

        Assert.True((await ReadAsync(client)).GetProperty("cpuS").GetDouble() > 0);
    }

    [Fact]
    public async Task Without_a_key_or_a_token_it_is_refused_naming_the_header()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/diagnostics/runtime");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/diagnostics/runtime");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
