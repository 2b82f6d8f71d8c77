namespace Monitoring.Host.Sensors;

using Monitoring.Grains.Sensors;

/// <summary>A sensor as api.md shows it. Heartbeats are not tracked yet, so health is "unknown".</summary>
public sealed record SensorView(string Id, string Kind, string SectorId, double Lon, double Lat, double DefaultAccuracyM, DateTimeOffset? LastHeartbeatAt, string Health)
{
    public static SensorView Of(Sensor s) => new(s.Id, s.Kind, s.SectorId, s.Lon, s.Lat, s.DefaultAccuracyM, null, "unknown");
}
