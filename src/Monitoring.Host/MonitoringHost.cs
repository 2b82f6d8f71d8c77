namespace Monitoring.Host;

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Publishing;
using Monitoring.Grains.Sectors;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Alerts;
using Monitoring.Host.Cluster;
using Monitoring.Host.Configuration;
using Monitoring.Host.Diagnostics;
using Monitoring.Host.Drills;
using Monitoring.Host.Health;
using Monitoring.Host.Hub;
using Monitoring.Host.Incidents;
using Monitoring.Host.Identity;
using Monitoring.Host.Ingestion;
using Monitoring.Host.Mdl;
using Monitoring.Host.Recording;
using Monitoring.Host.OperatorConsole;
using Monitoring.Host.Sectors;
using Monitoring.Host.Security;
using Monitoring.Host.Sensors;
using Monitoring.Host.Silo;
using Monitoring.Host.Simulation;
using StackExchange.Redis;
using Monitoring.Host.Problems;

/// <summary>Wires the areas of the host together; each area keeps its own details.</summary>
public static class MonitoringHost
{
    public const string ConsoleHubPath = "/hubs/console";

    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.AddMonitoringLoggingDefaults();
        var section = builder.Configuration.GetSection(MonitoringOptions.Section);
        var options = section.Get<MonitoringOptions>() ?? new MonitoringOptions();
        var services = builder.Services;
        services.Configure<MonitoringOptions>(section);
        services.Configure<MdlOptions>(section.GetSection("Mdl"));
        services.Configure<SectorOptions>(section.GetSection("Sectors"));
        services.Configure<IngestionOptions>(section.GetSection("Ingestion"));
        services.AddSingleton<SensorRateLimit>();
        services.AddSingleton<SensorTurns>();
        services.Configure<ConsoleHubOptions>(section.GetSection("Hub"));
        services.TryAddSingletonTimeProvider();

        RedisConnection? redis = null;
        if (options.IsClusterMode)
        {
            redis = new RedisConnection(options.Redis!);
            services.AddSingleton(redis);
        }

        builder.AddMonitoringSilo(options, redis);
        builder.AddIncidents(options);

        services.AddSingleton<MdlBaseData>();
        services.AddSingleton<MdlSnapshots>();
        services.AddSingleton(sp => SensorCatalog.Generate(
            ReconciledSectorMap(sp.GetRequiredService<MdlBaseData>())));
        services.AddSingleton(sp => SensorKeys(builder, sp));
        services.AddHostedService<MdlSync>();
        services.AddHostedService<MdlPushes>();
        services.AddSingleton<HubAlertPublisher>();
        services.AddSingleton<IAlertPublisher>(sp => sp.GetRequiredService<HubAlertPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<HubAlertPublisher>());

        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = ConsoleHubOptions.MaxReceiveMessageBytes)
            .AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        if (redis is not null)
        {
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal("monitoring:");
                o.ConnectionFactory = _ => Task.FromResult(redis.Multiplexer);
            });
        }

        // After every SignalR registration, so that nothing adds the plain JSON protocol back behind it.
        OversizedMessageProtocol.ReplaceJson(services, ConsoleHubOptions.MaxReceiveMessageBytes);

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddUnreadableRequestProblems();
        services.AddOpenApi();
        services.AddMonitoringHealth();
        services.AddMonitoringRecording(section);
        services.AddSensorHealth(section);
        builder.AddBuiltInSimulation(section);
        builder.AddMonitoringIdentity();
        services.AddMonitoringAudit(options);
        builder.AddDrills();
        return builder;
    }

    public static WebApplication MapMonitoring(this WebApplication app)
    {
        // Fail at start, not at the first report, when the keys are missing or malformed.
        var keys = app.Services.GetRequiredService<SensorKeyRing>();
        app.Logger.LogInformation("{Count} sensor key(s) configured", keys.Count);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapConsole(); // static files: anonymous, before authentication
        app.UseMonitoringIdentity();
        app.MapOpenApi().AllowAnonymous();
        app.MapIdentity();
        app.MapMonitoringHealth();
        app.MapReports();
        app.MapMdl();
        app.MapSectors();
        app.MapSensors();
        app.MapAlerts();
        app.MapRecordings();
        app.MapIncidents();
        app.MapAudit();
        app.MapRuntimeDiagnostics();
        app.MapDrills();
        var hub = app.Services.GetRequiredService<IOptions<ConsoleHubOptions>>().Value;
        app.UseTrackFormatGuard(ConsoleHubPath);
        app.MapHub<ConsoleHub>(ConsoleHubPath, o =>
        {
            // A console whose token expires is disconnected and must reconnect with a fresh one.
            o.CloseOnAuthenticationExpiration = true;
            o.ApplicationMaxBufferSize = hub.SendBufferBytes;
        });
        return app;
    }

    private static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    // Only the sector routing: building a whole ReconciledMdl here cost start-up time (docs/performance.md).
    private static Monitoring.Geo.SectorMap ReconciledSectorMap(MdlBaseData baseData)
        => Monitoring.Geo.SectorMap.For(baseData.DataSet);

    private static SensorKeyRing SensorKeys(WebApplicationBuilder builder, IServiceProvider sp)
    {
        // Blank entries (an empty environment variable) are not keys.
        var configured = (builder.Configuration.GetSection("Monitoring:Security:SensorKeys").Get<List<string>>() ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (configured.Count == 0)
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new OptionsValidationException("Monitoring:Security:SensorKeys", typeof(SecurityOptions),
                    ["No sensor keys are configured. Set Monitoring:Security:SensorKeys (plain or sha256:<hex>); demo keys exist only in Development."]);
            }

            configured.Add(DevelopmentSecrets.SensorKey);
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Security")
                .LogWarning("Development: demo sensor key is {Key} (send it as X-Api-Key)", DevelopmentSecrets.SensorKey);
        }

        return new SensorKeyRing(configured);
    }
}
