namespace Monitoring.Grains.Sensors;

/// <summary>A sensor in the catalogue: where it stands and how accurate it is by default.</summary>
public sealed record Sensor(string Id, string Kind, string SectorId, double Lon, double Lat, double DefaultAccuracyM);
