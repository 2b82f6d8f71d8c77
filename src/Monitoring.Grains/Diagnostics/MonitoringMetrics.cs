namespace Monitoring.Grains.Diagnostics;

using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>
/// Where a report's time goes between its POST and its alert, as histograms of the "Monitoring" meter
/// (read them live with <c>dotnet-counters monitor -n Monitoring.Host --counters Monitoring</c>, or export
/// them with OpenTelemetry). A report passes, in order: the recorder's durable append, its sector's decision,
/// the sector log's durable commit (one transaction of the storage group writer), then the console push
/// (<see cref="AlertPush"/> times a live alert from its decision to there).
/// Recording a value costs nothing measurable when nobody listens.
/// </summary>
public static class MonitoringMetrics
{
    public const string MeterName = "Monitoring";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>A batch's wait for the feed recorder: queued, written and fsynced with its group.</summary>
    public static readonly Histogram<double> RecordingAppend = Meter.CreateHistogram<double>(
        "monitoring.recording.append.duration", "s", "Time for a batch to be durably in the recording");

    /// <summary>A request's calls to its sectors: decision, durable commit and show, as the endpoint waits for them.</summary>
    public static readonly Histogram<double> SectorIngest = Meter.CreateHistogram<double>(
        "monitoring.sector.ingest.duration", "s", "Time for a batch's sectors to decide, commit and show it");

    /// <summary>One sector commit (possibly several batches) from hand-over to the log until it is durable.</summary>
    public static readonly Histogram<double> SectorCommit = Meter.CreateHistogram<double>(
        "monitoring.sector.commit.duration", "s", "Time for a sector's commit to be durable in its log");

    /// <summary>One transaction of the storage group writer, fsync included.</summary>
    public static readonly Histogram<double> StorageTransaction = Meter.CreateHistogram<double>(
        "monitoring.storage.transaction.duration", "s", "Time of one group transaction of the storage writer, fsync included");

    /// <summary>Writes (sector commits, grain states, deadlines) that shared one storage transaction.</summary>
    public static readonly Histogram<int> StorageTransactionWrites = Meter.CreateHistogram<int>(
        "monitoring.storage.transaction.writes", "{write}", "Writes that shared one storage transaction and its fsync");

    /// <summary>
    /// A RESTART checkpoint of monitoring.db: the group writer is held off for all of it, so every commit queued
    /// meanwhile waits this long. It happens only when writes never pause long enough for a passive checkpoint.
    /// </summary>
    public static readonly Histogram<double> StorageCheckpointRestart = Meter.CreateHistogram<double>(
        "monitoring.storage.checkpoint.restart.duration", "s", "Time the storage writer was held off for a RESTART checkpoint");

    /// <summary>Sealing one full recording segment (gzip, fsync, rename), which runs beside the request path at low priority.</summary>
    public static readonly Histogram<double> RecordingSeal = Meter.CreateHistogram<double>(
        "monitoring.recording.seal.duration", "s", "Time to seal one full recording segment");

    /// <summary>
    /// A live alert from its sector's decision (its decidedAt) until every console of its group has taken it:
    /// the host's share of report-to-alert latency, without the network or the console. In cluster mode "taken"
    /// means published to the Redis backplane. Drill alerts are left out, because they are decided on the drill's clock.
    /// </summary>
    public static readonly Histogram<double> AlertPush = Meter.CreateHistogram<double>(
        "monitoring.alert.push.duration", "s", "Time from a live alert's decision until every console of its group has taken it");

    /// <summary>Seconds since a <see cref="Stopwatch.GetTimestamp"/> value (durations in seconds, as OpenTelemetry's conventions have them).</summary>
    public static double Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalSeconds;
}
