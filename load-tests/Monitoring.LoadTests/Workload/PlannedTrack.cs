namespace Monitoring.LoadTests.Workload;

/// <summary>
/// One generated track: where it usually is (clear or approaching) and where it goes when a report
/// crosses. The JSON after "observedAt" is prepared once, so a report costs only its id and time.
/// </summary>
public sealed record PlannedTrack(string TrackId, string HomeVerdict, byte[] HomeTail, byte[] CrossTail);
