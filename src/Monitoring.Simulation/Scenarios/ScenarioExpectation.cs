namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// What a scenario must produce, and nothing more: these incidents (one per listed track, none for any
/// other track) and one sensor-offline alert per listed sensor.
/// </summary>
public sealed record ScenarioExpectation(IReadOnlyList<ExpectedIncident> Incidents, IReadOnlyList<string> OfflineSensors)
{
    public static readonly ScenarioExpectation Nothing = new([], []);

    public override string ToString()
    {
        var parts = Incidents.Select(i => i.ToString()).Concat(OfflineSensors.Select(s => $"1 sensor-offline alert for {s}")).ToList();
        return parts.Count == 0 ? "no incidents, no sensor-offline alerts" : string.Join("; ", parts);
    }
}
