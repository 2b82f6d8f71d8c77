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

    /// <summary>
    /// A sector has just signalled these incidents (one-way). Consoles are not told; a drill uses it to wait
    /// until the incidents have handled the signals before its clock moves on.
    /// </summary>
    void IncidentsSignalled(string? drillId, IReadOnlyList<string> incidentIds)
    {
    }
}
