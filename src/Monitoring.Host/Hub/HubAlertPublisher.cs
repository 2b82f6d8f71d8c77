namespace Monitoring.Host.Hub;

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Hub;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Diagnostics;
using Monitoring.Grains.Publishing;

/// <summary>
/// The per-silo way out to consoles (the GPSTracker idea, without its unbounded queue and without
/// treating alerts as lossy). Alerts go through a bounded channel in order; a full channel makes the
/// grain wait rather than drop. Track positions are coalesced per sector and pushed at most every 250 ms
/// per sector, which caps "tracks" pushes at 4 per second per sector; the sectors' pushes are spread over
/// those 250 ms (<see cref="TrackPushSchedule"/>).
/// </summary>
public sealed class HubAlertPublisher : BackgroundService, IAlertPublisher
{
    public static readonly TimeSpan TrackFlushPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>The period is cut in ten: a tick every 25 ms pushes the sectors whose part it is.</summary>
    private const int TrackPushSlots = 10;
    private readonly Channel<Alert> _alerts = Channel.CreateBounded<Alert>(new BoundedChannelOptions(65_536)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Lock _trackGate = new();
    private readonly TrackPushSchedule _trackSchedule = new(TrackFlushPeriod, TrackPushSlots, 0);
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly IHubContext<ConsoleHub> _hub;
    private readonly ILogger<HubAlertPublisher> _logger;
    private readonly int _alertSendWindow;
    private readonly TimeProvider _liveClock;

    public HubAlertPublisher(IHubContext<ConsoleHub> hub, IOptions<ConsoleHubOptions> options, TimeProvider liveClock, ILogger<HubAlertPublisher> logger)
    {
        _hub = hub;
        _liveClock = liveClock;
        _logger = logger;
        _alertSendWindow = Math.Max(1, options.Value.AlertSendWindow);
    }

    public async ValueTask PublishAlertsAsync(IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            await _alerts.Writer.WriteAsync(alert);
        }
    }

    public void PublishTracks(string sectorId, string? drillId, IReadOnlyList<TrackState> tracks)
    {
        lock (_trackGate)
        {
            _trackSchedule.Add(sectorId, drillId, tracks);
        }
    }

    public Task PublishIncidentAsync(IncidentView incident)
        => _hub.Clients.Group(SectorKeys.HubGroup(incident.SectorId, incident.DrillId)).SendAsync("incident", incident);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(PumpAlerts(stoppingToken), PumpTracks(stoppingToken));

    /// <summary>
    /// Pushes alerts in order. A push hands the alert to each console of its group before it returns (SignalR
    /// queues a console's messages in the order they were handed over), so the next push may start before
    /// the slowest console has taken this one: up to the send window, then the oldest is waited for.
    /// </summary>
    private async Task PumpAlerts(CancellationToken stoppingToken)
    {
        var inProgress = new Queue<Task>();
        try
        {
            await foreach (var alert in _alerts.Reader.ReadAllAsync(stoppingToken))
            {
                var push = PushAlertAsync(alert, stoppingToken);
                if (!push.IsCompleted)
                {
                    inProgress.Enqueue(push);
                }

                while (inProgress.Count >= _alertSendWindow || (inProgress.TryPeek(out var oldest) && oldest.IsCompleted))
                {
                    await inProgress.Dequeue();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PushAlertAsync(Alert alert, CancellationToken stoppingToken)
    {
        try
        {
            var toSector = _hub.Clients.Group(SectorKeys.HubGroup(alert.SectorId, alert.DrillId)).SendAsync("alert", alert, stoppingToken);
            // Live escalations are for the all-sector duty officers too, wherever they are watching; those who
            // watch this sector left its escalation group (ConsoleHub.Subscribe), so nobody gets it twice. In a
            // drill they joined every sector's group (JoinDrill). Handed over before awaiting anything.
            var toDutyOfficers = alert.Kind == AlertKinds.Escalation && alert.DrillId is null
                ? _hub.Clients.Group(IncidentKeys.EscalationGroup(alert.SectorId)).SendAsync("alert", alert, stoppingToken)
                : Task.CompletedTask;
            await Task.WhenAll(toSector, toDutyOfficers);
            if (alert.DrillId is null)
            {
                // decidedAt is on the same live clock, so this is the host's own share of the alert's latency.
                MonitoringMetrics.AlertPush.Record(Math.Max(0, (_liveClock.GetUtcNow() - alert.DecidedAt).TotalSeconds));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The alert is in the sector log; consoles recover it with GetAlertsSince.
            _logger.LogWarning(ex, "Could not push alert {AlertId}", alert.AlertId);
        }
    }

    private async Task PumpTracks(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_trackSchedule.Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                List<TrackBatch> due;
                lock (_trackGate)
                {
                    due = _trackSchedule.TakeDue(Stopwatch.GetElapsedTime(_startedAt).Ticks);
                }

                foreach (var batch in due)
                {
                    try
                    {
                        // Each format to its own group (SectorKeys.TrackGroup); a group nobody joined costs a lookup,
                        // as the push is serialized only for a connection that takes it (or, in cluster mode, once for the backplane).
                        await _hub.Clients.Group(SectorKeys.TrackGroup(batch.SectorId, batch.DrillId, TrackFormats.Full))
                            .SendAsync(TrackFormats.FullPush, batch, stoppingToken);
                        await _hub.Clients.Group(SectorKeys.TrackGroup(batch.SectorId, batch.DrillId, TrackFormats.Compact))
                            .SendAsync(TrackFormats.CompactPush, new TrackRows(batch), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _logger.LogDebug(ex, "Could not push tracks of {Sector}", batch.SectorId);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
