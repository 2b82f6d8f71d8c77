namespace Monitoring.Grains.Publishing;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

/// <summary>
/// The per-silo way out to consoles. Alerts are never dropped: PublishAlertsAsync waits for room.
/// Track positions are coalesced by the implementation (at most 4 pushes per second per sector).
/// </summary>
public interface IAlertPublisher
{
    ValueTask PublishAlertsAsync(IReadOnlyList<Alert> alerts);

    void PublishTracks(string sectorId, string? drillId, IReadOnlyList<TrackState> tracks);

    /// <summary>The incident view after a change, to its sector's consoles ("incident").</summary>
    Task PublishIncidentAsync(Monitoring.Contracts.Incidents.IncidentView incident);
}
