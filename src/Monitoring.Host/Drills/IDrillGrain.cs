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

    [Alias("Pause")]
    Task<DrillStatus?> Pause(string actor);

    [Alias("Resume")]
    Task<DrillStatus?> Resume(string actor);

    [Alias("Stop")]
    Task<DrillStatus?> Stop(string actor);
}
