namespace Monitoring.Host.Ingestion;

/// <summary>A report as parsed, before validation: every field may be missing or wrong.</summary>
internal struct RawReport
{
    public string? ReportId;
    public string? SensorId;
    public DateTimeOffset? ObservedAt;
    public bool ObservedAtMalformed; // a string, but not an RFC 3339 date-time
    public double? Lon;
    public double? Lat;
    public double? AccuracyM;
    public string? Class;
    public long? Count;
    public string? TrackId;
    public bool CountNotInteger;
}
