namespace Monitoring.Host.Configuration;

/// <summary>The "Monitoring" configuration section. Every setting is documented in README.md.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Where embedded mode keeps its SQLite database, feed recordings and audit log.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>A StackExchange.Redis connection string; when set, the host runs in cluster mode.</summary>
    public string? Redis { get; set; }

    public string ClusterId { get; set; } = "monitoring";
    public string ServiceId { get; set; } = "monitoring";

    /// <summary>Orleans silo-to-silo port. 0 picks a free port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port. 0 picks a free port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (cluster mode).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public bool IsClusterMode => !string.IsNullOrWhiteSpace(Redis);

    public string ResolveDataDirectory()
        => Path.GetFullPath(DataDirectory);
}
