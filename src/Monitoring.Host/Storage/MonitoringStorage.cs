using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Storage;
using Monitoring.Host.Cluster;
using Monitoring.Host.Configuration;
using Orleans.Persistence;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Monitoring.Host.Storage;

/// <summary>The one place that decides where grain state and sector logs live, per mode.</summary>
public static class MonitoringStorage
{
    /// <summary>Configuration section bound to <see cref="SectorLogOptions"/>.</summary>
    public const string AlertLogSection = "Monitoring:AlertLog";

    /// <summary>The durable grain storage provider; the default provider wraps it (<see cref="NamespacedGrainStorage"/>).</summary>
    public const string DurableProviderName = "durable";

    /// <summary>
    /// Embedded mode: SQLite ({DataDirectory}/monitoring.db) as grain storage and sector log.
    /// Cluster mode: Redis grain storage and <see cref="RedisSectorLog"/>, both on the shared <see cref="RedisConnection"/>.
    /// In both, drill grains and drill sectors are kept in memory instead (<see cref="NamespacedGrainStorage"/>, <see cref="NamespacedSectorLog"/>).
    /// </summary>
    public static ISiloBuilder AddMonitoringStorage(this ISiloBuilder silo, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var services = silo.Services;
        services.AddOptions<SectorLogOptions>().Bind(silo.Configuration.GetSection(AlertLogSection));

        if (options.IsClusterMode)
        {
            AddRedisStorage(silo, options);
        }
        else
        {
            AddSqliteStorage(services, options);
        }

        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, static (provider, _) =>
            new NamespacedGrainStorage(provider.GetRequiredKeyedService<IGrainStorage>(DurableProviderName)));
        services.TryAddSingleton<InMemorySectorLog>();
        services.TryAddSingleton<ISectorLog>(provider => new NamespacedSectorLog(
            provider.GetRequiredService<DurableSectorLog>().Log,
            provider.GetRequiredService<InMemorySectorLog>()));
        return silo;
    }

    private static void AddSqliteStorage(IServiceCollection services, MonitoringOptions options)
    {
        services.TryAddSingleton(_ => SqliteDatabase.InDirectory(options.ResolveDataDirectory()));
        services.AddGrainStorage(DurableProviderName, static (provider, name) =>
            new SqliteGrainStorage(
                name,
                provider.GetRequiredService<SqliteDatabase>(),
                new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>())));
        services.TryAddSingleton<SqliteSectorLog>();
        services.TryAddSingleton(provider => new DurableSectorLog(provider.GetRequiredService<SqliteSectorLog>()));
    }

    private static void AddRedisStorage(ISiloBuilder silo, MonitoringOptions options)
    {
        var services = silo.Services;
        services.TryAddSingleton(_ => new RedisConnection(options.Redis!));

        silo.AddRedisGrainStorage(DurableProviderName, storage => storage.Configure<RedisConnection, Serializer>(
            static (redis, connection, serializer) =>
            {
                redis.ConfigurationOptions = connection.Configuration;
                // IsShared = true: Orleans must not dispose the multiplexer the rest of the host uses.
                redis.CreateMultiplexer = async _ => (await connection.GetAsync().ConfigureAwait(false), true);
                // Binary, keyed by [Id]: [GenerateSerializer] records round-trip, and renaming a type keeps its [Alias].
                redis.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

        var serviceId = options.ServiceId;
        services.TryAddSingleton(provider => new RedisSectorLog(
            provider.GetRequiredService<RedisConnection>(),
            serviceId,
            provider.GetRequiredService<IOptions<SectorLogOptions>>()));
        services.TryAddSingleton(provider => new DurableSectorLog(provider.GetRequiredService<RedisSectorLog>()));
    }
}
