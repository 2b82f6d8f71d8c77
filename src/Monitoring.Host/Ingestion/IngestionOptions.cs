namespace Monitoring.Host.Ingestion;

/// <summary>Limits of POST /api/reports (configuration section Monitoring:Ingestion).</summary>
public sealed class IngestionOptions
{
    public int MaxBatchReports { get; set; } = 10_000;

    /// <summary>Largest body accepted, bytes; larger answers 413.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How far ahead of the clock observedAt may be.</summary>
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old a report may be.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Reports a second one sensor key may send, with bursts of up to a second's worth; more answers 429 with
    /// Retry-After and applies nothing. 0 turns the limit off. The default is twice the rate one host was
    /// measured to sustain, so it only stops a runaway or hostile sender.
    /// </summary>
    public int RateLimitReportsPerSecond { get; set; } = 200_000;
}
