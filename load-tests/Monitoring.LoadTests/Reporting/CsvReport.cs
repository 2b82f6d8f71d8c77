namespace Monitoring.LoadTests.Reporting;

using System.Globalization;
using System.Text;
using Monitoring.LoadTests.Measurement;

/// <summary>timeline.csv: one row per second of the run (by scheduled send time; alerts by arrival).</summary>
public static class CsvReport
{
    public static string Write(IReadOnlyList<SecondBucket> seconds)
    {
        var csv = new StringBuilder("second,sent,accepted,errors,p50Ms,p99Ms,alerts,alertP50Ms,alertP99Ms,rssMb,gcHeapMb\n");
        for (var i = 0; i < seconds.Count; i++)
        {
            var s = seconds[i];
            csv.AppendLine(string.Join(',',
                i.ToString(CultureInfo.InvariantCulture),
                s.Sent.ToString(CultureInfo.InvariantCulture),
                s.Accepted.ToString(CultureInfo.InvariantCulture),
                s.Errors.ToString(CultureInfo.InvariantCulture),
                Format(s.Accept.PercentileMs(0.50)),
                Format(s.Accept.PercentileMs(0.99)),
                s.Alerts.ToString(CultureInfo.InvariantCulture),
                Format(s.Alert.PercentileMs(0.50)),
                Format(s.Alert.PercentileMs(0.99)),
                Format(s.RssMb),
                Format(s.GcHeapMb)));
        }

        return csv.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
