using System.Globalization;
using Monitoring.Cli.Api;
using Monitoring.Cli.Drills;
using Spectre.Console;

namespace Monitoring.Cli.Commands;

/// <summary>`monitoring replay`: lists the recordings, or replays one (a replay is a drill of a recording).</summary>
public sealed class ReplayCommand : ICliCommand
{
    public string Name => "replay";

    public string Summary => "List recordings, or replay one as a drill.";

    public string Help =>
        """
        Usage: monitoring replay --target URL --user NAME --password PW --list
               monitoring replay --target URL --user NAME --password PW --recording NAME
                                 [--speed N|max] [--from T] [--to T] [--sectors S01,S02] [--loop]

        --list prints the recordings (GET /api/recordings): name, first and last
        batch time, report count. Otherwise replays the recording exactly like
        `monitoring drill`: progress until finished, Ctrl+C stops it, then the
        after-action report.

        Options:
          --target URL       the host, e.g. http://localhost:5000; required
          --user NAME        who signs in (a drill-controller or admin); required
          --password PW      their password; required
          --list             list the recordings instead of replaying one
          --recording NAME   the recording to replay
          --speed N|max      0.1 to 1000 times real time, or max (default 1)
          --from T, --to T   replay only this part (ISO 8601)
          --sectors IDS      replay only these sectors, comma-separated
          --loop             start again at the end, until stopped (Ctrl+C)
          -h, --help         show this text

        Exit codes: 0 listed / the replay finished, 1 the server refused or failed
        it, or it was stopped or interrupted, 2 bad arguments or host unreachable.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var rest = CliFlags.Take(CliFlags.Take(arguments, "--list", out var list), "--loop", out var loop);
        if (!CliOptions.TryParse(rest, DrillArguments.Known, out var options, out var error))
        {
            return CommandOutput.Usage(console, Name, error!);
        }

        if (!list)
        {
            return DrillArguments.Read(options, loop, out error) is { } drill
                ? await DrillRunner.RunAsync(drill, console, cancellationToken).ConfigureAwait(false)
                : CommandOutput.Usage(console, Name, error!);
        }

        if (loop || new[] { "--recording", "--speed", "--from", "--to", "--sectors" }.Any(options.Has))
        {
            return CommandOutput.Usage(console, Name, "--list takes only --target, --user and --password");
        }

        return ServerArguments.Read(options, out error) is { } server
            ? await ListAsync(server, console, cancellationToken).ConfigureAwait(false)
            : CommandOutput.Usage(console, Name, error!);
    }

    private static async Task<int> ListAsync(ServerArguments server, IAnsiConsole console, CancellationToken cancellationToken)
    {
        using var api = new MonitoringApiClient(server.Target);
        try
        {
            await api.SignInAsync(server.User, server.Password, cancellationToken).ConfigureAwait(false);
            var recordings = await api.ListRecordingsAsync(cancellationToken).ConfigureAwait(false);
            var table = new Table().Border(TableBorder.Simple).AddColumns("Recording", "From", "To", "Reports");
            foreach (var r in recordings)
            {
                table.AddRow(Markup.Escape(r.Name), Time(r.From), Time(r.To), r.ReportCount.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(table);
            console.WriteLine($"{recordings.Count} recording(s).");
            return ExitCodes.Ok;
        }
        catch (ApiException e)
        {
            return CommandOutput.Refused(console, "The server refused", e.Message);
        }
        catch (HttpRequestException e)
        {
            return CommandOutput.Unreachable(console, server.Target, e);
        }
    }

    private static string Time(DateTimeOffset? at)
        => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
