namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// A work party that crosses 20–50 m south and stays south until the scenario ends (the case that
/// escalates to warning shots). Sector S18. Every group's track opens one incident.
/// </summary>
public static class WorkPartyStays
{
    public const string Name = "work-party-stays";

    public static Scenario Build(ScenarioContext context)
    {
        var b = new ScenarioBuilder(context, Name, 18);
        var groups = WorkParty.Groups(b.Random);
        var centre = b.ArcNearMid(600);
        var stay = 360 + (b.Random.NextDouble() * 180);
        var end = 0.0;
        for (var i = 0; i < groups.Length; i++)
        {
            var s = WorkParty.ArcOf(b.Random, centre, i, groups.Length);
            var path = b.Path(b.Random.Next(0, 10), s, -200)
                .MoveTo(s, 20 + (b.Random.NextDouble() * 30), 1.2 + (b.Random.NextDouble() * 0.4))
                .Wander(b.Random, stay, s, 15, 20, 50, 0.5);
            end = Math.Max(end, path.Time);
            b.ExpectIncident(b.Add($"wp-{i + 1}", "person", groups[i], path));
        }

        return b.Build($"A work party of {groups.Sum()} in {groups.Length} groups crosses 20–50 m south in {b.Sector.SectorId} and stays south.", end);
    }
}
