namespace Monitoring.Host.Sectors;

public sealed record SectorMarker(int Number, string Status, double Lon, double Lat, DateTimeOffset? SurveyedAt);
