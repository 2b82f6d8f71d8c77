using Monitoring.Cli;
using Spectre.Console;

// All the work is in CliApp, so tests run the same dispatch in-process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Scripts and CI logs grep this output: do not wrap it at an assumed 80 columns.
    console.Profile.Width = 4096;
}

return await CliApp.RunAsync(args, console, cancellation.Token);
