namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// A North Korean work party as the radar sees it (domain.md: 10 to 30 people, some armed): a few groups,
/// each its own radar track ("wp-1", "wp-2", …) tens of metres apart along the line.
/// </summary>
public static class WorkParty
{
    /// <summary>Head counts of the groups: total 10–30 split into 2–4 groups of at least 3.</summary>
    public static int[] Groups(Random rng)
    {
        var total = rng.Next(10, 31);
        var groups = rng.Next(2, 5);
        var counts = Enumerable.Repeat(3, groups).ToArray();
        for (var left = total - (3 * groups); left > 0; left--)
        {
            counts[rng.Next(groups)]++;
        }

        return counts;
    }

    /// <summary>Arc length of group i: groups stand 40–60 m apart, centred on centreM.</summary>
    public static double ArcOf(Random rng, double centreM, int index, int groups)
        => centreM + ((index - ((groups - 1) / 2.0)) * (40 + (rng.NextDouble() * 20)));
}
