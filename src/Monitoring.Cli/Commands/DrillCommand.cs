using Monitoring.Cli.Drills;
using Spectre.Console;

namespace Monitoring.Cli.Commands;

/// <summary>`monitoring drill`: runs a drill of a recording to its end with a progress bar, then prints the after-action report.</summary>
public sealed class DrillCommand : ICliCommand
{
    public string Name => "drill";

    public string Summary => "Run a drill of a recording; print its after-action report.";

    public string Help =>
        """
        Usage: monitoring drill --target URL --user NAME --password PW --recording NAME
                                [--speed N|max] [--from T] [--to T] [--sectors S01,S02] [--loop]
               monitoring drill pause|resume|stop --target URL --user NAME --password PW --id ID

        Signs in (a drill-controller or admin), starts a drill of the recording
        (POST /api/drills), shows its progress, drill clock and state every 250 ms
        until it is finished or stopped, then prints the after-action report: per
        incident, each step's time to ack against its deadline, whether it was
        missed, and its escalations. Ctrl+C stops the drill and exits.

        Options:
          --target URL       the host, e.g. http://localhost:5000; required
          --user NAME        who signs in; required
          --password PW      their password; required
          --recording NAME   the recording to replay (monitoring replay --list); required
          --speed N|max      0.1 to 1000 times real time, or max (default 1)
          --from T, --to T   replay only this part (ISO 8601, e.g. 2026-03-01T09:00:00Z)
          --sectors IDS      replay only these sectors, comma-separated
          --loop             start again at the end, until stopped (Ctrl+C)
          -h, --help         show this text

        Exit codes: 0 the drill finished, 1 the server refused or failed it (its
        "field: reason" lines are printed), or it was stopped or interrupted,
        2 bad arguments or host unreachable.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var rest = CliFlags.Take(arguments, "--loop", out var loop);
        if (!CliOptions.TryParse(rest, DrillArguments.Known, out var options, out var error)
            || DrillArguments.Read(options, loop, out error) is not { } drill)
        {
            return CommandOutput.Usage(console, Name, error!);
        }

        return await DrillRunner.RunAsync(drill, console, cancellationToken).ConfigureAwait(false);
    }
}
