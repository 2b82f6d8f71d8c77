namespace Monitoring.Simulation.Reports;

/// <summary>A report exactly as a sensor sends it to POST /api/reports (api.md "Sensor ingestion").</summary>
public sealed record SimulatedReport(
    string ReportId,
    string SensorId,
    DateTimeOffset ObservedAt,
    double Lon,
    double Lat,
    double? AccuracyM,
    string Class,
    int? Count,
    string? TrackId);
