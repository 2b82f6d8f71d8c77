namespace Monitoring.Host.Drills;

/// <summary>One drill (key: the drill id): replays a recording into its own namespace on its own clock.</summary>
[Alias("monitoring.IDrillGrain")]
public interface IDrillGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<DrillStatus> Start(DrillSettings settings);

    /// <summary>The status, or null for a drill that was never started (on this silo's lifetime).</summary>
    [Alias("GetStatus")]
    Task<DrillStatus?> GetStatus();

    /// <summary>
    /// Pauses a running drill; a paused one stays paused (nothing audited). A drill that has finished or stopped
    /// refuses, and changes nothing.
    /// </summary>
    [Alias("Pause")]
    Task<DrillControl> Pause(string actor);

    /// <summary>Resumes a paused drill; a running one stays running (nothing audited). A drill that has ended refuses.</summary>
    [Alias("Resume")]
    Task<DrillControl> Resume(string actor);

    /// <summary>Stops a running or paused drill and answers once its after-action report is written. A drill that has ended refuses.</summary>
    [Alias("Stop")]
    Task<DrillControl> Stop(string actor);
}
