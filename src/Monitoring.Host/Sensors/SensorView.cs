namespace Monitoring.Host.Sensors;

using Monitoring.Grains.Sensors;

/// <summary>A sensor as api.md shows it; health is online, offline, or unknown (not heard since this host started).</summary>
public sealed record SensorView(string Id, string Kind, string SectorId, double Lon, double Lat, double DefaultAccuracyM, DateTimeOffset? LastHeartbeatAt, string Health)
{
    public static SensorView Of(Sensor s, SensorHealth health)
    {
        var (last, state) = health.Of(s.Id);
        return new(s.Id, s.Kind, s.SectorId, s.Lon, s.Lat, s.DefaultAccuracyM, last, state);
    }
}
