namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// Wild boar and a deer cross the line and wander back. Sector S30. The radar names them "animal" once its
/// classifier settles (while they are still far north) and the cameras confirm it: alerts are info only and
/// no incident opens.
/// </summary>
public static class WildlifeCrossing
{
    public const string Name = "wildlife-crossing";

    public static Scenario Build(ScenarioContext context)
    {
        var b = new ScenarioBuilder(context, Name, 30);
        var s = b.ArcNearMid(800);
        var boar = b.Path(0, s, -350)
            .MoveTo(s + 40, 80 + (b.Random.NextDouble() * 70), 0.8)
            .Wander(b.Random, 60 + (b.Random.NextDouble() * 60), s + 40, 30, 40, 150, 0.6)
            .MoveTo(s - 20, -350, 0.9);
        b.Add("an-1", "animal", b.Random.Next(3, 7), boar);
        var d = s + 700;
        var deer = b.Path(60, d, -400)
            .MoveTo(d, 40 + (b.Random.NextDouble() * 60), 2.5)
            .Stay(20 + (b.Random.NextDouble() * 40))
            .MoveTo(d + 80, -400, 3.0);
        b.Add("an-2", "animal", b.Random.Next(1, 3), deer);
        return b.Build($"Wild boar and a deer cross south and back in {b.Sector.SectorId}; animals never open incidents.", Math.Max(boar.Time, deer.Time) + 10);
    }
}
