namespace Monitoring.Host.Simulation;

using Microsoft.Extensions.Options;
using Monitoring.Grains.Mdl;
using Monitoring.Simulation.Feeding;
using Monitoring.Simulation.Scenarios;

/// <summary>
/// The demo feed: once the MDL is loaded, plays the configured scenarios against the current MDL version
/// through the in-process ingestion path, and (Loop) starts again with the next seed and a new run tag, so
/// repeated runs never collide with the dedupe window or with each other's tracks.
/// </summary>
internal sealed class BuiltInSimulation(
    InProcessFeedSink sink,
    MdlSnapshots mdl,
    IOptions<SimulationOptions> options,
    TimeProvider clock,
    ILogger<BuiltInSimulation> logger) : BackgroundService
{
    private long _reportsSent;

    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        try
        {
            while (mdl.Current is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), clock, stoppingToken);
            }

            for (var run = 1; !stoppingToken.IsCancellationRequested; run++)
            {
                var context = new ScenarioContext(mdl.Require(), o.Seed + run - 1, clock.GetUtcNow(), $"sim{run}");
                var scenarios = ScenarioCatalog.Build(o.Scenario, context);
                logger.LogInformation("Built-in simulation run {Run}: {Scenarios}", run, string.Join("; ", scenarios.Select(s => $"{s.Name} → {s.Expected}")));
                var runner = new FeedRunner(sink, clock, new FeedRunOptions { Rate = o.Rate }, ex => logger.LogWarning(ex, "Simulated feed: a send failed"));
                var stats = await runner.RunAsync(scenarios, stoppingToken);
                Interlocked.Add(ref _reportsSent, stats.Reports);
                if (!o.Loop)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ArgumentException ex)
        {
            logger.LogError(ex, "Built-in simulation stopped: {Message}", ex.Message);
        }
    }
}
