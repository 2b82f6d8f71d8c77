namespace Monitoring.Host.Sensors;

/// <summary>The answer to POST /api/sensors/{id}/heartbeat.</summary>
public sealed record HeartbeatAnswer(string SensorId, DateTimeOffset? LastHeartbeatAt, string Health);
