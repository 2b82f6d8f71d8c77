namespace Monitoring.Contracts.Sectors;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Reports;

/// <summary>
/// The single writer for one sector in one namespace. Key: "S12" for live, "{drillId}/S12" in a drill.
/// Ingestion makes one call per sector per batch.
/// </summary>
[Alias("monitoring.ISectorGrain")]
public interface ISectorGrain : IGrainWithStringKey
{
    [Alias("Ingest")]
    Task<IngestResult> Ingest(SensorReport[] reports);

    [Alias("GetAlertsSince")]
    Task<Alert[]> GetAlertsSince(long afterSeq, int limit);

    [Alias("GetView")]
    Task<SectorView> GetView();

    /// <summary>
    /// Gives up the tracks, of those asked for, that it holds: they have moved into the neighbouring sector
    /// that asks. It keeps a track whose latest report here is later than the asker's latest report of it
    /// (<paramref name="latestAt"/>, by index), as the track has not moved. One call per batch and neighbour,
    /// however many new tracks the batch has.
    /// </summary>
    [Alias("HandOverTracksSince")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<TrackHandOver> HandOver(string[] trackIds, DateTimeOffset[] latestAt);

    /// <summary>An incident's overdue step: appends an escalation alert (gap-free seq). Idempotent per incident and step.</summary>
    [Alias("RaiseEscalation")]
    Task<Alert> RaiseEscalation(Monitoring.Contracts.Incidents.EscalationRequest request);

    /// <summary>An incident closed: its track may open a new one. No-op when the track is not here (or has another).</summary>
    [Alias("ReleaseIncident")]
    Task ReleaseIncident(string trackId, string incidentId);

    /// <summary>A sensor of this sector fell silent: appends a sensor-offline alert (gap-free seq). Idempotent per silence.</summary>
    [Alias("RaiseSensorOffline")]
    Task<Alert> RaiseSensorOffline(string sensorId, double lon, double lat, DateTimeOffset lastHeartbeatAt);
}
