namespace Monitoring.Grains.Incidents;

/// <summary>Every namespace on the given clock (the deployment's TimeProvider). Drills will bring their own.</summary>
public sealed class LiveClockSource(TimeProvider live) : IClockSource
{
    public TimeProvider For(string? drillId) => live;
}
