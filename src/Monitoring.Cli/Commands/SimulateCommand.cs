using System.Globalization;
using Monitoring.Geo;
using Monitoring.Simulation.Feeding;
using Monitoring.Simulation.Scenarios;
using Spectre.Console;

namespace Monitoring.Cli.Commands;

/// <summary>
/// `monitoring simulate`: plays scenarios into a running host over HTTP with a sensor key, placed against
/// the host's own MDL (GET /api/mdl; the default data set if that is refused), and prints what each
/// scenario expects so an operator can compare it with the console.
/// </summary>
public sealed class SimulateCommand : ICliCommand
{
    private static readonly string[] Known = ["--target", "--key", "--scenario", "--rate", "--duration", "--seed", "--run-tag"];

    public string Name => "simulate";

    public string Summary => "Feed a running host with simulated sensors (scenarios).";

    public string Help =>
        $$"""
        Usage: monitoring simulate --key KEY [--target URL] [--scenario NAME|all]
                                   [--rate N] [--duration 60s] [--seed S] [--run-tag TAG]

        Plays scripted border activity into a host through POST /api/reports and
        POST /api/sensors/{id}/heartbeat, exactly as sensors would, and prints the
        incidents each scenario expects. A 429 or 503 answer with Retry-After (the
        key's rate limit, storage busy) is waited out and the request sent again,
        up to 5 times.

        Options:
          --target URL     the host (default http://localhost:5000)
          --key KEY        a sensor key (X-Api-Key); required
          --scenario NAME  one of: {{string.Join(", ", ScenarioCatalog.Names)}}, or all
                           (default all; each plays in its own sector)
          --rate N         scenario seconds per second (default 1). Above 1 the
                           scenarios are compressed and their expectations (20 s of
                           ambiguity, 60 s of silence) no longer hold
          --duration D     stop after D of wall time: 90s, 5m, 1h or 00:01:30
                           (default: play the scenarios out)
          --seed S         the seed (default 1): same seed, same reports
          --run-tag TAG    prefix of report and track ids (default: the start time),
                           so repeated runs are not duplicates of each other
          -h, --help       show this text

        Exit codes: 0 every batch accepted, 1 some were refused, 2 bad arguments or
        host unreachable.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!CliOptions.TryParse(arguments, Known, out var options, out var error))
        {
            return Usage(console, error!);
        }

        if (options["--key"] is not { Length: > 0 } key)
        {
            return Usage(console, "--key is required (a sensor key)");
        }

        if (!Uri.TryCreate(options["--target"] ?? "http://localhost:5000", UriKind.Absolute, out var target))
        {
            return Usage(console, "--target must be an absolute URL");
        }

        var scenario = options["--scenario"] ?? ScenarioCatalog.All;
        if (!ScenarioCatalog.IsKnown(scenario))
        {
            return Usage(console, $"unknown scenario '{scenario}'; known: {string.Join(", ", ScenarioCatalog.Names)}, all");
        }

        if (!TryNumber(options["--rate"] ?? "1", out var rate) || rate <= 0)
        {
            return Usage(console, "--rate must be a positive number");
        }

        if (!int.TryParse(options["--seed"] ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return Usage(console, "--seed must be an integer");
        }

        TimeSpan? duration = null;
        if (options["--duration"] is { } d)
        {
            if (!TryDuration(d, out var parsed))
            {
                return Usage(console, "--duration must look like 90s, 5m, 1h or 00:01:30");
            }

            duration = parsed;
        }

        using var http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
        ReconciledMdl mdl;
        try
        {
            mdl = await RemoteMdl.FetchAsync(http, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            console.MarkupLine("[yellow]GET /api/mdl needs a token; placing scenarios on the default data set.[/]");
            mdl = RemoteMdl.Default();
        }
        catch (HttpRequestException ex)
        {
            console.MarkupLineInterpolated($"[red]Cannot reach {target}: {ex.Message}[/]");
            return ExitCodes.Usage;
        }

        var now = DateTimeOffset.UtcNow;
        var runTag = options["--run-tag"] ?? "cli" + now.ToString("HHmmss", CultureInfo.InvariantCulture);
        var scenarios = ScenarioCatalog.Build(scenario, new ScenarioContext(mdl, seed, now, runTag));
        foreach (var s in scenarios)
        {
            console.MarkupLineInterpolated($"[bold]{s.Name}[/] ({s.Duration.TotalMinutes:0.#} min, {s.Reports.Count} reports): {s.Description}");
            console.MarkupLineInterpolated($"  expects: {s.Expected}");
        }

        var failures = 0;
        var runner = new FeedRunner(new HttpFeedSink(http, key), TimeProvider.System, new FeedRunOptions { Rate = rate, Duration = duration }, ex =>
        {
            if (Interlocked.Increment(ref failures) <= 5)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            }
        });
        var stats = await runner.RunAsync(scenarios, cancellationToken);
        console.MarkupLineInterpolated($"Sent {stats.Reports} reports in {stats.Batches} batches and {stats.Heartbeats} heartbeats; {stats.FailedBatches} batches and {stats.FailedHeartbeats} heartbeats failed.");
        return stats.FailedBatches + stats.FailedHeartbeats == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    internal static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length > 1 && char.IsAsciiLetter(text[^1]) && TryNumber(text[..^1], out var n) && n > 0)
        {
            duration = text[^1] switch { 's' => TimeSpan.FromSeconds(n), 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), _ => default };
            return duration > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }

    private static bool TryNumber(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static int Usage(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}[/]");
        console.WriteLine("Run 'monitoring simulate --help' for usage.");
        return ExitCodes.Usage;
    }
}
