namespace Monitoring.Simulation.Feeding;

/// <summary>How a simulation is played.</summary>
public sealed record FeedRunOptions
{
    /// <summary>Scenario seconds per wall-clock second. Above 1 the scenario is compressed: silences and
    /// "ambiguous for 20 s" shrink with it, so expectations hold only at 1.</summary>
    public double Rate { get; init; } = 1;

    /// <summary>Stop after this much wall time even if scenarios are still running (null: play them out).</summary>
    public TimeSpan? Duration { get; init; }

    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Every sensor of the scenarios' sectors sends a heartbeat this often, unless silenced.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(20);

    public int MaxBatchReports { get; init; } = 10_000;
}
