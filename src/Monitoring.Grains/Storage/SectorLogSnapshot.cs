namespace Monitoring.Grains.Storage;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

/// <summary>What a sector log holds when its grain activates.</summary>
public sealed record SectorLogSnapshot(
    long LastSeq,
    IReadOnlyList<TrackState> Tracks,
    IReadOnlyList<Alert> RecentAlerts);
