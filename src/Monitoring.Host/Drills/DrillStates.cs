namespace Monitoring.Host.Drills;

/// <summary>The wire names of a drill's state (api.md).</summary>
public static class DrillStates
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Finished = "finished";
    public const string Stopped = "stopped";
}
