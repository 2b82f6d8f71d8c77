namespace Monitoring.Host.Sensors;

/// <summary>Section Monitoring:Sensors.</summary>
public sealed class SensorHealthOptions
{
    /// <summary>A sensor silent (no report, no heartbeat) for longer than this is offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often silence is checked; an offline alert comes at most this late.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
