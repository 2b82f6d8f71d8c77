using Spectre.Console;

namespace Monitoring.Cli;

/// <summary>One `monitoring` command. Add a file under Commands/ and list it in <see cref="CliApp.Commands"/>.</summary>
public interface ICliCommand
{
    /// <summary>The words that select it, e.g. "audit verify".</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full --help text (usage, options, exit codes).</summary>
    string Help { get; }

    /// <summary>Runs with the arguments after the command's words; returns an <see cref="ExitCodes"/> value.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, IAnsiConsole console, CancellationToken cancellationToken);
}
