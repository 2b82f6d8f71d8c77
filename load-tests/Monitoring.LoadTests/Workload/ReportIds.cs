namespace Monitoring.LoadTests.Workload;

using System.Globalization;

/// <summary>
/// Report ids carry their batch's scheduled send time ("{run}{batch}.{i}@{µs since start}"), so an alert,
/// which names the report that raised it, tells its own latency without any shared map.
/// </summary>
public static class ReportIds
{
    public static string Format(string run, long batch, int index, long dueMicroseconds)
        => string.Create(CultureInfo.InvariantCulture, $"{run}{batch}.{index}@{dueMicroseconds}");

    /// <summary>The scheduled send time inside an id of this run, or false for anyone else's report.</summary>
    public static bool TryParseDue(string? reportId, string run, out long dueMicroseconds)
    {
        dueMicroseconds = 0;
        if (reportId is null || !reportId.StartsWith(run, StringComparison.Ordinal))
        {
            return false;
        }

        var at = reportId.LastIndexOf('@');
        return at > 0 && long.TryParse(reportId.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out dueMicroseconds);
    }
}
