namespace Monitoring.Simulation.Recording;

/// <summary>What a segment or a recording holds: the span of acceptance times, reports and records.</summary>
public sealed record FeedSummary(DateTimeOffset? From, DateTimeOffset? To, long ReportCount, long Records, int Skipped)
{
    public static readonly FeedSummary Empty = new(null, null, 0, 0, 0);

    public FeedSummary Add(DateTimeOffset recordedAt, int reports) => new(
        From is { } f && f <= recordedAt ? f : recordedAt,
        To is { } t && t >= recordedAt ? t : recordedAt,
        ReportCount + reports,
        Records + 1,
        Skipped);

    public FeedSummary Merge(FeedSummary other) => new(
        Min(From, other.From),
        Max(To, other.To),
        ReportCount + other.ReportCount,
        Records + other.Records,
        Skipped + other.Skipped);

    /// <summary>Reads a whole segment to summarise it (for segments that have no summary sidecar).</summary>
    public static FeedSummary Scan(SegmentName segment)
    {
        var skipped = 0;
        var summary = Empty;
        foreach (var batch in SegmentParser.Read(segment, () => skipped++))
        {
            summary = summary.Add(batch.RecordedAt, batch.Reports.Count);
        }

        return summary with { Skipped = skipped };
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
