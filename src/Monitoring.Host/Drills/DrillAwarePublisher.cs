namespace Monitoring.Host.Drills;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Publishing;

/// <summary>
/// The hub publisher, plus a note to <see cref="DrillActivity"/> of what drill sectors touched. Live
/// traffic (drillId null) passes straight through.
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
                if (alert.IncidentId is { } incidentId)
                {
                    activity.Touched(drillId, incidentId);
                }
            }
        }

        return inner.PublishAlertsAsync(alerts);
    }

    public void PublishTracks(string sectorId, string? drillId, IReadOnlyList<TrackState> tracks)
    {
        if (drillId is not null)
        {
            foreach (var track in tracks)
            {
                if (track.IncidentId is { } incidentId)
                {
                    activity.Touched(drillId, incidentId);
                }
            }
        }

        inner.PublishTracks(sectorId, drillId, tracks);
    }

    public Task PublishIncidentAsync(IncidentView incident) => inner.PublishIncidentAsync(incident);
}
