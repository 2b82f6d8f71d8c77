namespace Monitoring.Host.Hub;

using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Hub;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Publishing;

/// <summary>
/// The per-silo way out to consoles (the GPSTracker idea, without its unbounded queue and without
/// treating alerts as lossy). Alerts go through a bounded channel in order; a full channel makes the
/// grain wait rather than drop. Track positions are coalesced per sector and flushed every 250 ms,
/// which caps "tracks" pushes at 4 per second per sector.
/// </summary>
public sealed class HubAlertPublisher : BackgroundService, IAlertPublisher
{
    public static readonly TimeSpan TrackFlushPeriod = TimeSpan.FromMilliseconds(250);
    private readonly Channel<Alert> _alerts = Channel.CreateBounded<Alert>(new BoundedChannelOptions(65_536)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Lock _trackGate = new();
    private Dictionary<(string SectorId, string? DrillId), Dictionary<string, TrackState>> _pendingTracks = new();
    private readonly IHubContext<ConsoleHub> _hub;
    private readonly ILogger<HubAlertPublisher> _logger;
    private readonly int _alertSendWindow;

    public HubAlertPublisher(IHubContext<ConsoleHub> hub, IOptions<ConsoleHubOptions> options, ILogger<HubAlertPublisher> logger)
    {
        _hub = hub;
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
            if (!_pendingTracks.TryGetValue((sectorId, drillId), out var latest))
            {
                _pendingTracks[(sectorId, drillId)] = latest = new Dictionary<string, TrackState>(StringComparer.Ordinal);
            }

            foreach (var track in tracks)
            {
                latest[track.TrackId] = track;
            }
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
            // Escalations are for the duty officers too, wherever they are watching. Handed over before awaiting
            // anything, so a console in both groups gets it in the same order as every other alert.
            var toDutyOfficers = alert.Kind == AlertKinds.Escalation
                ? _hub.Clients.Group(IncidentKeys.RoleGroup(Roles.DutyOfficer, alert.DrillId)).SendAsync("alert", alert, stoppingToken)
                : Task.CompletedTask;
            await Task.WhenAll(toSector, toDutyOfficers);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The alert is in the sector log; consoles recover it with GetAlertsSince.
            _logger.LogWarning(ex, "Could not push alert {AlertId}", alert.AlertId);
        }
    }

    private async Task PumpTracks(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrackFlushPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Dictionary<(string SectorId, string? DrillId), Dictionary<string, TrackState>> batch;
                lock (_trackGate)
                {
                    if (_pendingTracks.Count == 0)
                    {
                        continue;
                    }

                    batch = _pendingTracks;
                    _pendingTracks = new();
                }

                foreach (var ((sectorId, drillId), tracks) in batch)
                {
                    try
                    {
                        await _hub.Clients.Group(SectorKeys.HubGroup(sectorId, drillId))
                            .SendAsync("tracks", new TrackBatch(sectorId, drillId, tracks.Values.ToArray()), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _logger.LogDebug(ex, "Could not push tracks of {Sector}", sectorId);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
