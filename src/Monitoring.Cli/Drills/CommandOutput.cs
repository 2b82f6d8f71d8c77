using Spectre.Console;

namespace Monitoring.Cli.Drills;

/// <summary>How the drill and replay commands report mistakes and refusals, with the exit code that goes with each.</summary>
public static class CommandOutput
{
    public static int Usage(IAnsiConsole console, string command, string error)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLineInterpolated($"[red]monitoring {command}: {error}[/]");
        console.WriteLine($"Run `monitoring {command} --help` for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>The server's "field: reason" lines, one per line.</summary>
    public static int Refused(IAnsiConsole console, string what, string reasons)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLineInterpolated($"[red]{what}:[/]");
        foreach (var line in reasons.Split(Environment.NewLine))
        {
            console.MarkupLineInterpolated($"[red]  {line}[/]");
        }

        return ExitCodes.Failed;
    }

    /// <summary>Nothing answered at all: like an unreachable Redis for `audit verify`, a usage problem (exit 2).</summary>
    public static int Unreachable(IAnsiConsole console, Uri target, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        console.MarkupLineInterpolated($"[red]Cannot reach {target}: {exception.Message}[/]");
        return ExitCodes.Usage;
    }
}
