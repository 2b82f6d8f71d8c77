using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Storage;
using Monitoring.Host.Cluster;
using Monitoring.Host.Configuration;
using Monitoring.Host.Storage;
using Monitoring.Host.Tests.Infrastructure;
using Orleans.Hosting;
using Orleans.Persistence;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;

namespace Monitoring.Host.Tests.Storage;

/// <summary>What <see cref="MonitoringStorage.AddMonitoringStorage"/> registers per mode, resolved from the container alone.</summary>
public sealed class MonitoringStorageTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Embedded_mode_uses_sqlite_for_live_grain_state_and_sector_logs()
    {
        using var provider = Build(new MonitoringOptions { DataDirectory = _directory.Path }, capacity: "42");

        Assert.IsType<NamespacedGrainStorage>(
            provider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.IsType<SqliteGrainStorage>(
            provider.GetRequiredKeyedService<IGrainStorage>(MonitoringStorage.DurableProviderName));
        Assert.IsType<NamespacedSectorLog>(provider.GetRequiredService<ISectorLog>());
        Assert.IsType<SqliteSectorLog>(provider.GetRequiredService<DurableSectorLog>().Log);
        Assert.Equal(42, provider.GetRequiredService<IOptions<SectorLogOptions>>().Value.Capacity);
        Assert.Equal(Path.Combine(_directory.Path, "monitoring.db"), provider.GetRequiredService<SqliteDatabase>().FilePath);
    }

    [Fact]
    public async Task Cluster_mode_shares_one_multiplexer_and_stores_state_in_orleans_binary()
    {
        await using var redis = await RedisServer.StartAsync();
        using var provider = Build(new MonitoringOptions { Redis = redis.ConnectionString }, capacity: null);

        Assert.IsType<NamespacedSectorLog>(provider.GetRequiredService<ISectorLog>());
        Assert.IsType<RedisSectorLog>(provider.GetRequiredService<DurableSectorLog>().Log);
        var storage = provider.GetRequiredService<IOptionsMonitor<RedisStorageOptions>>()
            .Get(MonitoringStorage.DurableProviderName);
        var (multiplexer, isShared) = await storage.CreateMultiplexer(storage);
        Assert.True(isShared);
        Assert.Same(provider.GetRequiredService<RedisConnection>().Multiplexer, multiplexer);
        Assert.IsType<OrleansGrainStorageSerializer>(storage.GrainStorageSerializer);
        Assert.Equal(new SectorLogOptions().Capacity, provider.GetRequiredService<IOptions<SectorLogOptions>>().Value.Capacity);
    }

    public void Dispose() => _directory.Dispose();

    private static ServiceProvider Build(MonitoringOptions options, string? capacity)
    {
        var settings = capacity is null ? [] : new Dictionary<string, string?> { ["Monitoring:AlertLog:Capacity"] = capacity };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var silo = new FakeSiloBuilder(new ServiceCollection(), configuration);
        silo.Services.AddSerializer();
        silo.Services.AddLogging();

        silo.AddMonitoringStorage(options);

        return silo.Services.BuildServiceProvider();
    }

    private sealed record FakeSiloBuilder(IServiceCollection Services, IConfiguration Configuration) : ISiloBuilder;
}
