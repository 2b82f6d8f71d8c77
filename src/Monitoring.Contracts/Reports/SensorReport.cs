namespace Monitoring.Contracts.Reports;

/// <summary>
/// One validated sensor report as it travels to a sector grain.
/// AccuracyM is already resolved (the report's own, or the sensor's default).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.SensorReport")]
public sealed record SensorReport(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string SensorId,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] double Lon,
    [property: Id(4)] double Lat,
    [property: Id(5)] double AccuracyM,
    [property: Id(6)] ObjectClass Class,
    [property: Id(7)] int Count,
    [property: Id(8)] string? TrackId);
