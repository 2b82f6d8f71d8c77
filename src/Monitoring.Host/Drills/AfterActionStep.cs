namespace Monitoring.Host.Drills;

/// <summary>
/// One protocol step: when it was due, its deadline, who acked it and how long that took. Missed: its
/// deadline passed unacknowledged (it escalated), or it was acked only after the deadline.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.AfterActionStep")]
public sealed record AfterActionStep
{
    [Id(0)] public required string StepId { get; init; }

    [Id(1)] public required string State { get; init; }

    [Id(2)] public DateTimeOffset? DueAt { get; init; }

    [Id(3)] public DateTimeOffset? DeadlineAt { get; init; }

    [Id(4)] public DateTimeOffset? AckedAt { get; init; }

    [Id(5)] public string? AckedBy { get; init; }

    /// <summary>Seconds from due to ack (null when not acked).</summary>
    [Id(6)] public double? TimeToAckS { get; init; }

    /// <summary>The seconds the step had (null for a step without a deadline).</summary>
    [Id(7)] public double? DeadlineS { get; init; }

    [Id(8)] public bool Missed { get; init; }

    [Id(9)] public bool Escalated { get; init; }
}
