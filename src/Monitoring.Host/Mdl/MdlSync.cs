namespace Monitoring.Host.Mdl;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Mdl;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Hub;
using Monitoring.Contracts.Grains;

/// <summary>
/// Keeps this silo's MDL snapshot current: loads it once the silo is up (readiness waits for that),
/// then asks the MdlGrain every second, so a survey recorded through another host arrives here too.
/// </summary>
public sealed class MdlSync(IClusterClient grains, MdlSnapshots snapshots, ILogger<MdlSync> logger) : BackgroundService
{
    public static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var definition = await grains.Reference<IMdlGrain>(MdlKeys.Live).GetDefinition();
                await Task.Run(() => snapshots.Apply(definition), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the MDL; retrying");
            }

            try
            {
                await Task.Delay(PollPeriod, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
