namespace Monitoring.Contracts.Alerts;

public static class AlertKinds
{
    public const string Approaching = "approaching";
    public const string Ambiguous = "ambiguous";
    public const string Crossed = "crossed";
    public const string Returned = "returned";
    public const string Escalation = "escalation";
    public const string SensorOffline = "sensor-offline";
}
