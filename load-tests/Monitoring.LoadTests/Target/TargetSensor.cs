namespace Monitoring.LoadTests.Target;

/// <summary>A sensor of the target's catalogue (GET /api/sensors), as far as the workload needs it.</summary>
public sealed record TargetSensor(string Id, string Kind, string SectorId, double Lon, double Lat);
