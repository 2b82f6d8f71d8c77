using Monitoring.Grains.Audit;
using Monitoring.Host.Cluster;
using Monitoring.Host.Audit;
using Monitoring.Host.Configuration;

// In the host's root namespace so MonitoringHost wires it with one line each and no extra using.
namespace Monitoring.Host;

/// <summary>Where the audit log lives, per mode: a file under the data directory, or a Redis list shared by all hosts.</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddMonitoringAudit(this IServiceCollection services, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsClusterMode)
        {
            var serviceId = options.ServiceId;
            services.AddSingleton<IAuditLog>(sp => new RedisAuditLog(sp.GetRequiredService<RedisConnection>(), serviceId));
        }
        else
        {
            var path = AuditFile.PathIn(options.ResolveDataDirectory());
            services.AddSingleton<IAuditLog>(sp => new FileAuditLog(path, sp.GetRequiredService<ILogger<FileAuditLog>>()));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app) => app.MapAuditEndpoints();
}
