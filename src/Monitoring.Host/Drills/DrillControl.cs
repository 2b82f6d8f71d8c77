namespace Monitoring.Host.Drills;

/// <summary>
/// The answer of a pause, resume or stop: the drill's status after it (null: no such drill), or why the drill
/// refused it (api.md: these control a running drill; one that has finished or stopped is not running any more).
/// Only the grain can say which: a stop that ended the drill and a stop of a drill that had ended show the same status.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.DrillControl")]
public sealed record DrillControl
{
    [Id(0)] public DrillStatus? Status { get; init; }

    /// <summary>Why nothing was done, e.g. "the drill has finished; it cannot be paused"; null when it was done (or was so already).</summary>
    [Id(1)] public string? Refused { get; init; }
}
