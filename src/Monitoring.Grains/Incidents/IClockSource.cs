namespace Monitoring.Grains.Incidents;

/// <summary>
/// Which clock a namespace's deadlines run on: the deployment's for live, the drill's (recording time,
/// scaled by the speed factor) for a drill. One seam, so drills can plug in their clocks later.
/// </summary>
public interface IClockSource
{
    TimeProvider For(string? drillId);
}
