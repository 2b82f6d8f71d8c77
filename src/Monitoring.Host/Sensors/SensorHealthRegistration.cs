namespace Monitoring.Host.Sensors;

/// <summary>Wires heartbeat tracking (Monitoring:Sensors).</summary>
public static class SensorHealthRegistration
{
    public static IServiceCollection AddSensorHealth(this IServiceCollection services, IConfiguration monitoringSection)
    {
        services.Configure<SensorHealthOptions>(monitoringSection.GetSection("Sensors"));
        services.AddSingleton<SensorHealth>();
        services.AddHostedService<SensorHealthMonitor>();
        return services;
    }
}
