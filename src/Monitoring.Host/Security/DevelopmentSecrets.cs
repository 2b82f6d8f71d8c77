namespace Monitoring.Host.Security;

/// <summary>Demo credentials, seeded only in the Development environment and printed at start-up.</summary>
public static class DevelopmentSecrets
{
    public const string SensorKey = "dev-sensor-key";
}
