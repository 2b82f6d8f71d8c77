using Monitoring.Cli.Commands;
using Spectre.Console;

namespace Monitoring.Cli;

/// <summary>
/// The dispatcher: picks the command whose words start the arguments (longest match), handles --help,
/// and turns unknown commands into a usage error. Commands do the rest.
/// </summary>
public static class CliApp
{
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new AuditVerifyCommand(),
        new SimulateCommand(),
        new DrillCommand(),
        new DrillControlCommand("pause"),
        new DrillControlCommand("resume"),
        new DrillControlCommand("stop"),
        new ReplayCommand(),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Count == 0 || IsHelp(args[0]))
        {
            PrintOverview(console, Commands);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var command = Commands
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => c.Words.Length <= args.Count && c.Words.SequenceEqual(args.Take(c.Words.Length), StringComparer.Ordinal))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (command.Command is null)
        {
            var partial = Commands.Where(c => c.Name.StartsWith(args[0] + " ", StringComparison.Ordinal)).ToList();
            if (partial.Count == 0)
            {
                console.MarkupLineInterpolated($"[red]Unknown command '{string.Join(' ', args)}'.[/]");
            }

            PrintOverview(console, partial.Count > 0 ? partial : Commands);
            return partial.Count > 0 && args.Count > 1 && args.Skip(1).All(IsHelp) ? ExitCodes.Ok : ExitCodes.Usage;
        }

        var rest = args.Skip(command.Words.Length).ToList();
        if (rest.Any(IsHelp))
        {
            console.WriteLine(command.Command.Help);
            return ExitCodes.Ok;
        }

        return await command.Command.RunAsync(rest, console, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsHelp(string argument) => argument is "--help" or "-h" or "help";

    private static void PrintOverview(IAnsiConsole console, IEnumerable<ICliCommand> commands)
    {
        console.WriteLine("Usage: monitoring <command> [options]");
        console.WriteLine("       monitoring <command> --help    (details of one command)");
        console.WriteLine();
        console.WriteLine("Commands:");
        foreach (var command in commands)
        {
            console.WriteLine($"  {command.Name,-14} {command.Summary}");
        }
    }
}
