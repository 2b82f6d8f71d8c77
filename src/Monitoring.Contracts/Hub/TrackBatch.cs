namespace Monitoring.Contracts.Hub;

using Monitoring.Contracts.Sectors;

/// <summary>Coalesced track positions for one sector (at most 4 per second per sector).</summary>
public sealed record TrackBatch(string SectorId, string? DrillId, IReadOnlyList<TrackState> Tracks);
