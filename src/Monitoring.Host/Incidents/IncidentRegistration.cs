namespace Monitoring.Host.Incidents;

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Incidents;
using Monitoring.Host.Cluster;
using Monitoring.Host.Configuration;
using Monitoring.Host.Storage;

/// <summary>The incidents area: protocol options, clocks, the durable deadline registry and scheduler, endpoints.</summary>
public static class IncidentRegistration
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder, MonitoringOptions options)
    {
        var services = builder.Services;
        services.AddOptions<ProtocolOptions>().Bind(builder.Configuration.GetSection(ProtocolOptions.Section)).ValidateOnStart();
        services.AddSingleton<ProtocolOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<ProtocolOptions>>(sp => sp.GetRequiredService<ProtocolOptionsSetup>());
        services.AddSingleton<IValidateOptions<ProtocolOptions>>(sp => sp.GetRequiredService<ProtocolOptionsSetup>());
        services.AddOptions<IncidentIndexOptions>().Bind(builder.Configuration.GetSection(IncidentIndexOptions.Section));

        // Live deadlines run on the deployment's TimeProvider; drills will bring their own clocks here.
        services.TryAddSingleton<IClockSource>(sp => new LiveClockSource(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IncidentAudit>();
        if (options.IsClusterMode)
        {
            var serviceId = options.ServiceId;
            services.AddSingleton<IDeadlineRegistry>(sp => new RedisDeadlineRegistry(sp.GetRequiredService<RedisConnection>(), serviceId));
        }
        else
        {
            services.AddSingleton<IDeadlineRegistry>(sp => new SqliteDeadlineRegistry(sp.GetRequiredService<SqliteDatabase>()));
        }

        services.AddSingleton<DeadlineScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineScheduler>());
        return builder;
    }

    public static WebApplication MapIncidents(this WebApplication app)
    {
        app.MapIncidentEndpoints();
        return app;
    }
}
