namespace Monitoring.Contracts.Alerts;

public static class Severities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";
}
