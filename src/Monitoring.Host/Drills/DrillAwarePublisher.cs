namespace Monitoring.Host.Drills;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Publishing;

/// <summary>
/// The hub publisher, plus a note to <see cref="DrillActivity"/> of the drill alerts and of the incidents
/// drill sectors signalled. Live traffic (drillId null) passes straight through.
/// </summary>
public sealed class DrillAwarePublisher(IAlertPublisher inner, DrillActivity activity) : IAlertPublisher
{
    public ValueTask PublishAlertsAsync(IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            if (alert.DrillId is { } drillId)
            {
                activity.Alerted(drillId, 1);
            }
        }

        return inner.PublishAlertsAsync(alerts);
    }

    public void PublishTracks(string sectorId, string? drillId, IReadOnlyList<TrackState> tracks)
        => inner.PublishTracks(sectorId, drillId, tracks);

    public void IncidentsSignalled(string? drillId, IReadOnlyList<string> incidentIds)
    {
        if (drillId is not null)
        {
            foreach (var incidentId in incidentIds)
            {
                activity.Touched(drillId, incidentId);
            }
        }
    }

    public Task PublishIncidentAsync(IncidentView incident) => inner.PublishIncidentAsync(incident);
}
