namespace Monitoring.Host.Sensors;

/// <summary>The "sensorHealth" hub push, sent to the sensor's sector group when it goes offline or comes back.</summary>
public sealed record SensorHealthChange(string SensorId, string SectorId, string Health, DateTimeOffset? LastHeartbeatAt);
