namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// A scripted stretch of border activity: the reports to send (in time order), the sensors it silences,
/// the sensors that should keep sending heartbeats, and the incidents it expects.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    IReadOnlyList<string> SectorIds,
    IReadOnlyList<string> SensorIds,
    TimeSpan Duration,
    IReadOnlyList<ScheduledReport> Reports,
    IReadOnlyList<SensorSilence> Silences,
    ScenarioExpectation Expected)
{
    public bool IsSilent(string sensorId, TimeSpan at) => Silences.Any(s => s.SensorId == sensorId && s.Covers(at));
}
