namespace Monitoring.Host.Recording;

/// <summary>Wires the feed recorder (one per host) and the recording catalogue.</summary>
public static class RecordingRegistration
{
    public static IServiceCollection AddMonitoringRecording(this IServiceCollection services, IConfiguration monitoringSection)
    {
        services.Configure<RecordingOptions>(monitoringSection.GetSection("Recording"));
        services.AddSingleton<FeedRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedRecorder>());
        services.AddSingleton<RecordingCatalog>();
        return services;
    }
}
