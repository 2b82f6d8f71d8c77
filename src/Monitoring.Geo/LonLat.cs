namespace Monitoring.Geo;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct LonLat(double Lon, double Lat);
