namespace Monitoring.Simulation.Scenarios;

using Monitoring.Geo;
using Monitoring.Simulation.Geometry;

/// <summary>
/// What every scenario is built from: the MDL version (positions are placed against its reconciled line),
/// the seed, the start time of report clocks, and a run tag that keeps ids of repeated runs apart
/// (empty: ids like "rdr-12:000001" and tracks like "wp-1").
/// </summary>
public sealed class ScenarioContext(ReconciledMdl mdl, int seed, DateTimeOffset start, string runTag = "")
{
    public ReconciledMdl Mdl { get; } = mdl;
    public int Seed { get; } = seed;
    public DateTimeOffset Start { get; } = start;
    public string RunTag { get; } = runTag;
    public LinePlacer Placer { get; } = new(mdl);

    /// <summary>The sector numbered n (1-based), or the last one for a data set with fewer sectors.</summary>
    public SectorDefinition Sector(int number)
    {
        var sectors = Mdl.Sectors.Sectors;
        return sectors[Math.Clamp(number - 1, 0, sectors.Count - 1)];
    }

    /// <summary>A random stream of its own per scenario (stable hash of the name), so adding one changes no other.</summary>
    public Random RandomFor(string scenarioName)
    {
        var hash = 2166136261u;
        foreach (var c in scenarioName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(unchecked((int)hash) ^ Seed);
    }
}
