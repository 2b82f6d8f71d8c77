namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// A defector runs south from 400 m north, across the line, past a seismic sensor, through the southern
/// fence (fence alarm) and on until the patrol sees him; two soldiers chase him to 60–80 m south of the
/// line and turn back. Sector S25. Defector (df-1) and both pursuers (ps-1, ps-2) each open one incident.
/// </summary>
public static class DefectorPursued
{
    public const string Name = "defector-pursued";

    public static Scenario Build(ScenarioContext context)
    {
        var b = new ScenarioBuilder(context, Name, 25);
        // He comes down past a seismic sensor, through the fence, and runs on to within sight of the patrol.
        var seismic = b.Sensors.Seismic[1];
        var s = seismic.ArcM + ((b.Random.NextDouble() * 40) - 20);
        var speed = 3.5 + (b.Random.NextDouble() * 1.0);
        var defector = b.Path(5, s, -400)
            .MoveTo(s + 10, seismic.OffsetM + 20, speed)
            .MoveTo(b.Sensors.Patrol.ArcM + 150, 1800, speed)
            .Stay(30);
        b.ExpectIncident(b.Add("df-1", "person", 1, defector));
        for (var i = 1; i <= 2; i++)
        {
            var start = s + ((i == 1 ? -1 : 1) * (25 + (b.Random.NextDouble() * 10)));
            var depth = 60 + (b.Random.NextDouble() * 20);
            var pursuer = b.Path(20 + b.Random.Next(0, 8), start, -400)
                .MoveTo(start + 10, depth, 3.0 + (b.Random.NextDouble() * 0.5))
                .Stay(10 + (b.Random.NextDouble() * 20))
                .MoveTo(start, -400, 2.5);
            b.ExpectIncident(b.Add($"ps-{i}", "person", 1, pursuer));
        }

        return b.Build($"A defector runs south through the fence in {b.Sector.SectorId}, chased across the line by two soldiers who turn back.", defector.Time + 10);
    }
}
