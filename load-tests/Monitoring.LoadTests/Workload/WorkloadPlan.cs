namespace Monitoring.LoadTests.Workload;

using System.Globalization;
using System.Text;
using Monitoring.Geo;
using Monitoring.LoadTests.Target;

/// <summary>
/// Spreads tracks over the chosen sensors (radar and EO/IR of every sector, or of one sector) and gives
/// each track positions whose verdicts are known in advance: the target's own MDL is rebuilt here and
/// every position is classified before it is used, so "clear" really is clear on the host.
/// </summary>
public sealed class WorkloadPlan
{
    private const double EdgeMarginM = 200;
    private const double AccuracyM = 10;

    private WorkloadPlan(SensorLane[] lanes, IReadOnlyList<string> sectors, int approaching)
    {
        Lanes = lanes;
        Sectors = sectors;
        ApproachingTracks = approaching;
    }

    public SensorLane[] Lanes { get; }

    public IReadOnlyList<string> Sectors { get; }

    public int TrackCount => Lanes.Sum(l => l.Tracks.Length);

    /// <summary>Tracks whose home is "approaching": each raises one alert on its first report.</summary>
    public int ApproachingTracks { get; }

    public static WorkloadPlan Build(ReconciledMdl mdl, IReadOnlyList<TargetSensor> sensors, string? onlySector, int tracks, int seed)
    {
        var sectorDefs = mdl.Sectors.Sectors.ToDictionary(s => s.SectorId, StringComparer.Ordinal);
        var chosen = sensors
            .Where(s => s.Kind is "radar" or "eo-ir" && sectorDefs.ContainsKey(s.SectorId))
            .Where(s => onlySector is null || s.SectorId == onlySector)
            .OrderBy(s => sectorDefs[s.SectorId].StartM).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToArray();
        if (chosen.Length == 0)
        {
            throw new InvalidOperationException(onlySector is null ? "the target has no radar or EO/IR sensors" : $"sector {onlySector} has no radar or EO/IR sensors");
        }

        var random = new Random(seed);
        var perLane = Math.Max(1, (int)Math.Ceiling(tracks / (double)chosen.Length));
        var number = 0;
        var approaching = 0;
        var lanes = new SensorLane[chosen.Length];
        for (var l = 0; l < chosen.Length; l++)
        {
            var sensor = chosen[l];
            var sector = sectorDefs[sensor.SectorId];
            var planned = new PlannedTrack[perLane];
            for (var t = 0; t < perLane; t++)
            {
                planned[t] = PlanTrack(mdl, sector, $"lt-{number++}", random);
                approaching += planned[t].HomeVerdict == "approaching" ? 1 : 0;
            }

            lanes[l] = new SensorLane(sensor.Id, sensor.SectorId, planned);
        }

        return new WorkloadPlan(lanes, chosen.Select(s => s.SectorId).Distinct().ToArray(), approaching);
    }

    private static PlannedTrack PlanTrack(ReconciledMdl mdl, SectorDefinition sector, string trackId, Random random)
    {
        // Mostly people, some vehicles and animals; 80% of homes clear, 20% approaching.
        var roll = random.NextDouble();
        var objectClass = roll < 0.9 ? "person" : roll < 0.95 ? "vehicle" : "animal";
        var isAnimal = objectClass == "animal";
        var wantApproaching = random.NextDouble() < 0.2;
        var home = Find(mdl, sector, random, isAnimal, wantApproaching ? Verdict.Approaching : Verdict.Clear, wantApproaching ? (-95, -15) : (-1900, -300))
            ?? Find(mdl, sector, random, isAnimal, Verdict.Clear, (-1900, -300))
            ?? throw new InvalidOperationException($"no clear position found in {sector.SectorId}");
        var cross = Find(mdl, sector, random, isAnimal, Verdict.Crossed, (200, 3000))
            ?? throw new InvalidOperationException($"no crossed position found in {sector.SectorId}");
        return new PlannedTrack(trackId, home.Verdict, Tail(home.Position, objectClass, trackId), Tail(cross.Position, objectClass, trackId));
    }

    /// <summary>A position in the sector (away from its ends) whose verdict is the wanted one; null after 50 tries.</summary>
    private static (LonLat Position, string Verdict)? Find(ReconciledMdl mdl, SectorDefinition sector, Random random, bool isAnimal, Verdict wanted, (double Min, double Max) offsetSouth)
    {
        var sectorIndex = mdl.Sectors.Sectors.ToList().IndexOf(sector);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var s = sector.StartM + EdgeMarginM + (random.NextDouble() * Math.Max(1, sector.EndM - sector.StartM - (2 * EdgeMarginM)));
            var offset = offsetSouth.Min + (random.NextDouble() * (offsetSouth.Max - offsetSouth.Min));
            var p = mdl.Sectors.PointAt(s, offset);
            var lon = Math.Round(p.Lon, 7);
            var lat = Math.Round(p.Lat, 7);
            if (mdl.Sectors.TryLocate(lon, lat, out var located) && located == sectorIndex
                && mdl.Classify(lon, lat, AccuracyM, isAnimal).Verdict == wanted)
            {
                return (new LonLat(lon, lat), WireNames.Of(wanted));
            }
        }

        return null;
    }

    private static byte[] Tail(LonLat p, string objectClass, string trackId)
        => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $",\"lon\":{p.Lon:R},\"lat\":{p.Lat:R},\"accuracyM\":{AccuracyM},\"class\":\"{objectClass}\",\"trackId\":\"{trackId}\"}}"));
}
