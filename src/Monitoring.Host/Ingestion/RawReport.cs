namespace Monitoring.Host.Ingestion;

/// <summary>A report as parsed, before validation: every field may be missing or wrong.</summary>
internal struct RawReport
{
    public string? ReportId;
    public string? SensorId;
    public string? ObservedAt;
    public double? Lon;
    public double? Lat;
    public double? AccuracyM;
    public string? Class;
    public long? Count;
    public string? TrackId;
    public bool CountNotInteger;
}
