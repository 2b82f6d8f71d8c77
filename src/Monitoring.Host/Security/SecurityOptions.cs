namespace Monitoring.Host.Security;

/// <summary>Monitoring:Security. Sensor keys may be given plain or as "sha256:&lt;hex&gt;"; only hashes are kept.</summary>
public sealed class SecurityOptions
{
    public List<string> SensorKeys { get; set; } = [];
}
