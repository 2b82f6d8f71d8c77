namespace Monitoring.Simulation.Scenarios;

using Monitoring.Simulation.Truth;

/// <summary>
/// Background noise that must never open an incident: short radar clutter tracks far north of the line
/// (clear) and small animals that set off a seismic sensor (class "animal").
/// </summary>
public static class Noise
{
    public static void Add(ScenarioBuilder b, double durationSeconds, int clutterTracks, int seismicAnimals)
    {
        for (var i = 1; i <= clutterTracks; i++)
        {
            var s = b.ArcNearMid(1500);
            var depth = -(600 + (b.Random.NextDouble() * 900));
            var start = b.Random.NextDouble() * (durationSeconds - 40);
            var path = b.Path(start, s, depth).MoveTo(s + ((b.Random.NextDouble() * 60) - 30), depth + ((b.Random.NextDouble() * 60) - 30), 1 + b.Random.NextDouble());
            b.Add($"cl-{i}", "unknown", 1, path, SeenBy.Radar);
        }

        for (var i = 1; i <= seismicAnimals; i++)
        {
            var sensor = b.Sensors.Seismic[0];
            var s = sensor.ArcM + ((b.Random.NextDouble() * 200) - 100);
            var start = b.Random.NextDouble() * (durationSeconds - 40);
            var path = b.Path(start, s, 600).MoveTo(s + 40, 640, 0.7);
            b.Add($"sa-{i}", "animal", 1, path, SeenBy.Seismic);
        }
    }
}
