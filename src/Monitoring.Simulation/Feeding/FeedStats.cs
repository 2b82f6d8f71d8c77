namespace Monitoring.Simulation.Feeding;

/// <summary>What a run sent, and how many sends failed (a failed batch is not retried: the next one carries on).</summary>
public sealed record FeedStats(long Reports, long Batches, long Heartbeats, long FailedBatches, long FailedHeartbeats);
