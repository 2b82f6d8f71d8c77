namespace Monitoring.Simulation.Feeding;

using Monitoring.Simulation.Reports;
using Monitoring.Simulation.Scenarios;

/// <summary>
/// Plays scenarios into a sink in (scaled) real time: each tick sends every report that has come due as
/// one batch, stamped with the time it is due (start + At / rate, never ahead of the clock), and
/// heartbeats every sensor of the scenarios' sectors except those a scenario has silenced.
/// </summary>
public sealed class FeedRunner(IFeedSink sink, TimeProvider clock, FeedRunOptions options, Action<Exception>? onError = null)
{
    public async Task<FeedStats> RunAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken)
    {
        var due = scenarios.SelectMany(s => s.Reports).OrderBy(r => r.At).ToArray(); // stable: ties keep script order
        var sensors = scenarios.SelectMany(s => s.SensorIds).Distinct(StringComparer.Ordinal).ToArray();
        var length = scenarios.Count == 0 ? TimeSpan.Zero : scenarios.Max(s => s.Duration);
        var start = clock.GetUtcNow();
        var nextHeartbeat = start;
        long reports = 0, batches = 0, heartbeats = 0, failedBatches = 0, failedHeartbeats = 0;
        var next = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var scenarioTime = (now - start) * options.Rate;
            if (now >= nextHeartbeat)
            {
                nextHeartbeat = now + options.HeartbeatInterval;
                foreach (var sensor in sensors.Where(id => !scenarios.Any(s => s.IsSilent(id, scenarioTime))))
                {
                    try
                    {
                        await sink.SendHeartbeatAsync(sensor, cancellationToken);
                        heartbeats++;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failedHeartbeats++;
                        onError?.Invoke(ex);
                    }
                }
            }

            while (next < due.Length && due[next].At <= scenarioTime)
            {
                var batch = new List<SimulatedReport>();
                while (next < due.Length && due[next].At <= scenarioTime && batch.Count < options.MaxBatchReports)
                {
                    batch.Add(due[next].Report with { ObservedAt = start + (due[next].At / options.Rate) });
                    next++;
                }

                try
                {
                    await sink.SendReportsAsync(batch, cancellationToken);
                    reports += batch.Count;
                    batches++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failedBatches++;
                    onError?.Invoke(ex);
                }
            }

            if ((next >= due.Length && scenarioTime >= length) || (options.Duration is { } limit && now - start >= limit))
            {
                break;
            }

            try
            {
                await Task.Delay(options.Tick, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new FeedStats(reports, batches, heartbeats, failedBatches, failedHeartbeats);
    }
}
