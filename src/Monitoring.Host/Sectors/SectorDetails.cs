namespace Monitoring.Host.Sectors;

using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Sensors;

/// <summary>GET /api/sectors[/{id}]: a sector's extent, markers, sensors and live picture.</summary>
public sealed record SectorDetails(
    string SectorId,
    double StartM,
    double EndM,
    IReadOnlyList<SectorMarker> Markers,
    IReadOnlyList<Sensor> Sensors,
    IReadOnlyList<TrackState> Tracks,
    IReadOnlyList<string> OpenIncidents,
    long LastSeq,
    long MdlVersion);
