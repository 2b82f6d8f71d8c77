namespace Monitoring.LoadTests.Measurement;

/// <summary>What happened in one second of a run, keyed by the scheduled send second (so a slow answer counts where it was due).</summary>
public sealed class SecondBucket
{
    public long Sent;
    public long Accepted;
    public long Errors;
    public long Alerts;
    public double? RssMb;
    public double? GcHeapMb;

    public LatencyHistogram Accept { get; } = new();

    public LatencyHistogram Alert { get; } = new();
}
