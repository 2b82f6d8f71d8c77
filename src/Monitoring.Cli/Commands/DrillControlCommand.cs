using Monitoring.Cli.Api;
using Monitoring.Cli.Drills;
using Spectre.Console;

namespace Monitoring.Cli.Commands;

/// <summary>`monitoring drill pause|resume|stop`: one control call on a running drill (one instance per action).</summary>
public sealed class DrillControlCommand(string action) : ICliCommand
{
    private static readonly string[] Known = [.. ServerArguments.Known, "--id"];

    public string Name => $"drill {action}";

    public string Summary => $"{char.ToUpperInvariant(action[0])}{action[1..]} a running drill.";

    public string Help =>
        $"""
        Usage: monitoring drill {action} --target URL --user NAME --password PW --id ID

        Signs in (a drill-controller or admin) and calls POST /api/drills/ID/{action},
        then prints the drill's state{(action == "stop" ? " and its after-action report" : "")}.

        Options:
          --target URL     the host, e.g. http://localhost:5000; required
          --user NAME      who signs in; required
          --password PW    their password; required
          --id ID          the drill (as printed by `monitoring drill`); required
          -h, --help       show this text

        Exit codes: 0 done, 1 the server refused (e.g. no such drill), 2 bad
        arguments or host unreachable.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!CliOptions.TryParse(arguments, Known, out var options, out var error)
            || ServerArguments.Read(options, out error) is not { } server)
        {
            return CommandOutput.Usage(console, Name, error!);
        }

        if (options["--id"] is not { Length: > 0 } id)
        {
            return CommandOutput.Usage(console, Name, "--id is required (the drill id)");
        }

        using var api = new MonitoringApiClient(server.Target);
        try
        {
            await api.SignInAsync(server.User, server.Password, cancellationToken).ConfigureAwait(false);
            var drill = await api.ControlAsync(id, action, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Drill [bold]{drill.DrillId}[/]: {drill.State}, progress {drill.Progress:P0}.");
            if (action == "stop")
            {
                AfterActionTable.Write(console, drill);
            }

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
}
