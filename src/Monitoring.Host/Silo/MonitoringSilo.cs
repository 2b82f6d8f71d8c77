namespace Monitoring.Host.Silo;

using System.Net;
using Monitoring.Host.Cluster;
using Monitoring.Host.Configuration;
using Monitoring.Host.Storage;
using Orleans.Configuration;

/// <summary>
/// The co-hosted Orleans silo. Embedded mode: localhost clustering, SQLite storage, in-memory reminders.
/// Cluster mode (Monitoring:Redis set): Redis clustering, storage and reminders on one multiplexer.
/// </summary>
public static class MonitoringSilo
{
    public static WebApplicationBuilder AddMonitoringSilo(this WebApplicationBuilder builder, MonitoringOptions options, RedisConnection? redis)
    {
        var siloPort = options.SiloPort == 0 ? FreePort.Next() : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort.Next() : options.GatewayPort;

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });

            // Every incident is a grain with a new id, so Orleans' directory cache (by default up to a million
            // entries, ≈ 200 B each) fills with closed incidents for hours: a slow RSS climb in the soak.
            // Twenty thousand entries still cover every sector and open incident many times over.
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = 20_000);

            if (redis is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), siloPort, gatewayPort, listenOnAnyHostAddress: false);
                silo.UseRedisClustering(o =>
                {
                    o.ConfigurationOptions = redis.Configuration;
                    o.CreateMultiplexer = async _ => (await redis.GetAsync(), true); // shared: Orleans must not dispose it
                });
                silo.UseRedisReminderService(o =>
                {
                    o.ConfigurationOptions = redis.Configuration;
                    o.CreateMultiplexer = async _ => (await redis.GetAsync(), true); // shared: Orleans must not dispose it
                });
            }

            silo.AddMonitoringStorage(options);
        });
        return builder;
    }
}
