namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// The 2024–2025 pattern: a work party comes down from 200 m north, crosses to 20–50 m south of the
/// reconciled line, works there for some minutes, and goes back north 30–60 s after the warning
/// broadcast (which comes 2–5 minutes after it arrived). Sector S12. Every group's track opens one incident.
/// </summary>
public static class WorkPartyWithdraws
{
    public const string Name = "work-party-withdraws";

    public static Scenario Build(ScenarioContext context)
    {
        var b = new ScenarioBuilder(context, Name, 12);
        var groups = WorkParty.Groups(b.Random);
        var centre = b.ArcNearMid(600);
        var broadcastAfter = 120 + (b.Random.NextDouble() * 180);
        var end = 0.0;
        for (var i = 0; i < groups.Length; i++)
        {
            var s = WorkParty.ArcOf(b.Random, centre, i, groups.Length);
            var depth = 20 + (b.Random.NextDouble() * 30);
            var path = b.Path(b.Random.Next(0, 10), s, -200)
                .MoveTo(s, depth, 1.2 + (b.Random.NextDouble() * 0.4));
            path.Wander(b.Random, broadcastAfter + 30 + (b.Random.NextDouble() * 30), s, 15, 20, 50, 0.5)
                .MoveTo(s, -200, 1.8);
            end = Math.Max(end, path.Time);
            b.ExpectIncident(b.Add($"wp-{i + 1}", "person", groups[i], path));
        }

        return b.Build($"A work party of {groups.Sum()} in {groups.Length} groups crosses 20–50 m south of the reconciled line in {b.Sector.SectorId}, works, and withdraws after the warning broadcast.", end + 30);
    }
}
