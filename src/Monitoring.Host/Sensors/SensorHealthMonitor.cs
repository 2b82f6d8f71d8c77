namespace Monitoring.Host.Sensors;

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Sectors;
using Monitoring.Host.Hub;
using Monitoring.Contracts.Grains;

/// <summary>
/// Checks every CheckPeriod (on the host's TimeProvider) for sensors silent longer than OfflineAfter. Each
/// silence raises one sensor-offline alert through the sensor's sector grain (so it gets the sector's next
/// gap-free seq) and a "sensorHealth" push; a sensor heard again is pushed as online.
/// </summary>
public sealed class SensorHealthMonitor(
    SensorHealth health,
    IClusterClient grains,
    IHubContext<ConsoleHub> hub,
    IOptions<SensorHealthOptions> options,
    TimeProvider clock,
    ILogger<SensorHealthMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(o.CheckPeriod, clock, stoppingToken);
                await CheckAsync(o.OfflineAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Sensor health check failed; retrying");
            }
        }
    }

    internal async Task CheckAsync(TimeSpan offlineAfter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        foreach (var pulse in health.Pulses)
        {
            var sensor = pulse.Sensor;
            if (pulse.TakeCameBack())
            {
                await PushAsync(new SensorHealthChange(sensor.Id, sensor.SectorId, SensorHealth.Online, pulse.LastHeardAt), cancellationToken);
            }

            if (!pulse.TryMarkOffline(now, offlineAfter.Ticks))
            {
                continue;
            }

            var last = pulse.LastHeardAt!.Value;
            try
            {
                await grains.Reference<ISectorGrain>(sensor.SectorId).RaiseSensorOffline(sensor.Id, sensor.Lon, sensor.Lat, last);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                pulse.RevertOffline();
                logger.LogWarning(ex, "Could not raise sensor-offline for {Sensor}; retrying at the next check", sensor.Id);
                continue;
            }

            await PushAsync(new SensorHealthChange(sensor.Id, sensor.SectorId, SensorHealth.Offline, last), cancellationToken);
        }
    }

    private async Task PushAsync(SensorHealthChange change, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(SectorKeys.HubGroup(change.SectorId, null)).SendAsync("sensorHealth", change, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not push sensorHealth for {Sensor}", change.SensorId);
        }
    }
}
