using Spectre.Console;

namespace Monitoring.Cli.Tests.Support;

/// <summary>Runs the real dispatcher in-process with a plain, unwrapped console and returns its exit code and output.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 4096;
        var exitCode = await CliApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }
}
