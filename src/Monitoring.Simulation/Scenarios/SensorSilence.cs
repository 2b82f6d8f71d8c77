namespace Monitoring.Simulation.Scenarios;

/// <summary>A sensor that sends nothing, not even heartbeats, from From to To (scenario time).</summary>
public sealed record SensorSilence(string SensorId, TimeSpan From, TimeSpan To)
{
    public bool Covers(TimeSpan at) => at >= From && at < To;
}
