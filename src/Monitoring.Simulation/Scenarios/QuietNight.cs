namespace Monitoring.Simulation.Scenarios;

/// <summary>A quiet night in S40: only radar clutter far north and small animals on a seismic sensor. Nothing is expected.</summary>
public static class QuietNight
{
    public const string Name = "quiet-night";
    private const double DurationSeconds = 300;

    public static Scenario Build(ScenarioContext context)
    {
        var b = new ScenarioBuilder(context, Name, 40);
        Noise.Add(b, DurationSeconds, clutterTracks: 4 + b.Random.Next(0, 5), seismicAnimals: 2 + b.Random.Next(0, 3));
        return b.Build($"A quiet night in {b.Sector.SectorId}: noise only.", DurationSeconds);
    }
}
