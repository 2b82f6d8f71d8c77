namespace Monitoring.LoadTests.Scenarios;

using Monitoring.LoadTests.Target;

/// <summary>
/// The replay benchmark's second phase: a drill of a recording at "max" on the target, polled until it ends.
/// The rate is the host's own count of replayed reports over the host's own replay time (DrillStatus.replaySeconds),
/// so neither the polling interval nor this tool's start-up is in it.
/// </summary>
public static class DrillReplay
{
    public static async Task<ReplayResult> RunAsync(TargetClient target, string recording, Action<DrillProgress> progress, CancellationToken cancellationToken)
    {
        var drillId = await target.StartDrillAsync(recording, cancellationToken);
        while (true)
        {
            var status = await target.DrillAsync(drillId, cancellationToken);
            progress(status);
            if (status.Ended)
            {
                return new ReplayResult(drillId, recording, status);
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
