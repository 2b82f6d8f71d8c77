namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// A seismic sensor (seis-35b in S35) stops sending anything, heartbeats included, 30 s in and for 3
/// minutes, then comes back, over a background of clutter. Expected: exactly one sensor-offline alert.
/// </summary>
public static class SilentSensor
{
    public const string Name = "sensor-silent";
    private const double DurationSeconds = 300;

    public static Scenario Build(ScenarioContext context)
    {
        var b = new ScenarioBuilder(context, Name, 35);
        Noise.Add(b, DurationSeconds, clutterTracks: 3, seismicAnimals: 0);
        var silent = b.Sensors.Seismic[1].Id;
        b.Silence(silent, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(210), expectOffline: true);
        return b.Build($"{silent} falls silent for 3 minutes in {b.Sector.SectorId}.", DurationSeconds);
    }
}
