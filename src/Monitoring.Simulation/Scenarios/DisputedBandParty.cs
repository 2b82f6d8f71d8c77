namespace Monitoring.Simulation.Scenarios;

using Monitoring.Geo;

/// <summary>
/// A party that comes past one line but never past the other: it moves only inside the disputed band
/// (domain.md: "treated as not having crossed"). Played in the first sector from S02 on (skipping those
/// other scenarios use) with a 300 m stretch where the band is at least 40 m wide; the groups keep 6–12 m
/// north of R, so even a report off by its full accuracy stays ambiguous. Each group's track opens one
/// ambiguous-only incident (ambiguous for longer than 20 s).
/// </summary>
public static class DisputedBandParty
{
    public const string Name = "disputed-band-party";
    private const double BandDepthM = 40, StretchM = 150, StepM = 25;
    private static readonly int[] Taken = [12, 18, 25, 30, 35, 40];

    public static Scenario Build(ScenarioContext context)
    {
        var (sector, centre) = FindStretch(context);
        var b = new ScenarioBuilder(context, Name, sector);
        var groups = WorkParty.Groups(b.Random).Take(2).ToArray();
        var end = 0.0;
        for (var i = 0; i < groups.Length; i++)
        {
            var s = centre + ((i - 0.5) * 60);
            var path = b.Path(b.Random.Next(0, 10), s, -200)
                .MoveTo(s, -9, 1.2)
                .Wander(b.Random, 240 + (b.Random.NextDouble() * 120), s, 40, -12, -6, 0.5)
                .MoveTo(s, -200, 1.5);
            end = Math.Max(end, path.Time);
            b.ExpectIncident(b.Add($"wp-{i + 1}", "person", groups[i], path), ambiguousOnly: true);
        }

        return b.Build($"A party of {groups.Sum()} in {groups.Length} groups moves only inside the disputed band in {b.Sector.SectorId}: past one line, never past the other.", end + 30);
    }

    /// <summary>The first sector (not used by another scenario) with a stretch where the band covers depth −40…−1 m.</summary>
    public static (SectorDefinition Sector, double CentreM) FindStretch(ScenarioContext context)
    {
        var placer = context.Placer;
        foreach (var sector in context.Mdl.Sectors.Sectors.Skip(1))
        {
            if (Taken.Contains(sector.Index + 1))
            {
                continue;
            }

            for (var centre = sector.StartM + 400; centre <= sector.EndM - 400; centre += 100)
            {
                var ok = true;
                for (var s = centre - StretchM; s <= centre + StretchM && ok; s += StepM)
                {
                    ok = placer.DisputedBetween(s, -BandDepthM, -1, 3);
                }

                if (ok)
                {
                    return (sector, centre);
                }
            }
        }

        throw new InvalidOperationException($"No sector has a {2 * StretchM} m stretch of disputed band {BandDepthM} m wide.");
    }
}
