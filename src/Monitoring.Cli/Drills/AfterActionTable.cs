using System.Globalization;
using Monitoring.Cli.Api;
using Spectre.Console;

namespace Monitoring.Cli.Drills;

/// <summary>Prints a drill's after-action report: one row per protocol step of each incident, then the totals.</summary>
public static class AfterActionTable
{
    public static void Write(IAnsiConsole console, DrillView drill)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(drill);
        console.WriteLine();
        if (drill.AfterAction is not { } report)
        {
            console.MarkupLineInterpolated($"[yellow]Drill {drill.DrillId} is {drill.State}; the server gave no after-action report.[/]");
            return;
        }

        console.MarkupLineInterpolated($"[bold]After-action report[/] — drill {drill.DrillId}, recording {drill.Recording}, outcome {report.Outcome}");
        console.WriteLine($"Replayed {Time(report.From)} .. {Time(report.To)}; {drill.Reports} reports, {drill.Alerts} alerts.");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Incident", "Sector", "Track", "Step", "State", "Time to ack", "Deadline", "Missed", "Escalations");
        foreach (var incident in report.Incidents)
        {
            var first = true;
            foreach (var step in incident.Steps.DefaultIfEmpty())
            {
                // The incident's own columns only on its first row, so a long incident reads as one block.
                table.AddRow(
                    Cell(first ? incident.IncidentId : ""),
                    Cell(first ? incident.SectorId : ""),
                    Cell(first ? incident.TrackId : ""),
                    Cell(step?.StepId ?? "(no steps)"),
                    Cell(step?.State ?? incident.State),
                    Cell(Seconds(step?.TimeToAckS)),
                    Cell(Seconds(step?.DeadlineS)),
                    step?.Missed == true ? new Markup("[red]yes[/]") : Cell(step is null ? "" : "no"),
                    Cell(step is null ? "" : incident.Escalations.Count(e => e.StepId == step.StepId).ToString(CultureInfo.InvariantCulture)));
                first = false;
            }
        }

        if (report.Incidents.Count > 0)
        {
            console.Write(table);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Incidents: {report.Incidents.Count}; steps acked: {report.StepsAcked}; steps missed: {report.StepsMissed}; escalations: {report.Escalations}."));
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));

    private static string Seconds(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.#} s") : "-";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
