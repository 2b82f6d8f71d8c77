namespace Monitoring.Host.Drills;

using System.Globalization;
using System.Text;

/// <summary>The after-action report as Markdown, for {DataDirectory}/drills/{id}.md (one table per incident).</summary>
public static class AfterActionMarkdown
{
    public static string Render(AfterActionReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# After-action report: drill {report.DrillId}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- recording: `{report.Recording}`, drill time {Time(report.From)} to {Time(report.To)} ({report.Outcome})");
        md.AppendLine(CultureInfo.InvariantCulture, $"- incidents: {report.Incidents.Count}; steps acked: {report.StepsAcked}; steps missed: {report.StepsMissed}; escalations: {report.Escalations}");
        foreach (var incident in report.Incidents)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {incident.IncidentId} ({incident.SectorId}, track {incident.TrackId}, {incident.State})");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Opened {Time(incident.OpenedAt)}{(incident.ClosedAt is { } c ? $", closed {Time(c)}" : "")}.");
            md.AppendLine();
            md.AppendLine("| step | state | due | deadline | acked by | time to ack | allowed | result |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var s in incident.Steps)
            {
                var result = s.Missed ? (s.Escalated ? "**missed, escalated**" : "**missed**") : s.AckedAt is null ? "" : "in time";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{s.StepId}` | {s.State} | {Time(s.DueAt)} | {Time(s.DeadlineAt)} | {s.AckedBy ?? ""} | {Seconds(s.TimeToAckS)} | {Seconds(s.DeadlineS)} | {result} |");
            }

            if (incident.Escalations.Count > 0)
            {
                md.AppendLine();
                foreach (var e in incident.Escalations)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- escalation: step `{e.StepId}` at {Time(e.At)}, alert {e.AlertId} (seq {e.Seq} in {e.SectorId})");
                }
            }
        }

        return md.ToString();
    }

    private static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    private static string Seconds(double? s) => s is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "";
}
