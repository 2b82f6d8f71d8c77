namespace Monitoring.Simulation.Geometry;

using System.Globalization;
using Monitoring.Geo;

/// <summary>
/// The sensors of one sector and where they stand, in base-line coordinates. It follows the layout of the
/// generated catalogue (SensorCatalog.Generate in Monitoring.Grains, which this library does not reference):
/// radar at mid-sector 1.5 km south, cameras at ¼ and ¾ 1.2 km south, four fence segments 1 km south,
/// seismic sensors at 0.33 and 0.66 0.8 km south, the patrol at mid-sector 2 km south.
/// </summary>
public sealed class SectorSensors
{
    public const double FenceOffsetM = 1000;

    public SectorSensors(SectorDefinition sector)
    {
        Sector = sector;
        Number = (sector.Index + 1).ToString("00", CultureInfo.InvariantCulture);
        Radar = new SensorSite($"rdr-{Number}", At(0.5), 1500);
        Cameras = [new SensorSite($"eo-{Number}a", At(0.25), 1200), new SensorSite($"eo-{Number}b", At(0.75), 1200)];
        Fences = Enumerable.Range(1, 4).Select(i => new SensorSite($"fence-{Number}-{i}", At((i - 0.5) / 4), FenceOffsetM)).ToArray();
        Seismic = [new SensorSite($"seis-{Number}a", At(0.33), 800), new SensorSite($"seis-{Number}b", At(0.66), 800)];
        Patrol = new SensorSite($"patrol-{Number}", At(0.5), 2000);
    }

    public SectorDefinition Sector { get; }
    public string Number { get; }
    public SensorSite Radar { get; }
    public IReadOnlyList<SensorSite> Cameras { get; }
    public IReadOnlyList<SensorSite> Fences { get; }
    public IReadOnlyList<SensorSite> Seismic { get; }
    public SensorSite Patrol { get; }

    public double Mid => At(0.5);

    public IEnumerable<SensorSite> All => new[] { Radar }.Concat(Cameras).Concat(Fences).Concat(Seismic).Append(Patrol);

    /// <summary>The fence segment covering arc length s.</summary>
    public SensorSite FenceAt(double s)
    {
        var quarter = (int)Math.Clamp(Math.Floor((s - Sector.StartM) / ((Sector.EndM - Sector.StartM) / 4)), 0, 3);
        return Fences[quarter];
    }

    private double At(double fraction) => Sector.StartM + ((Sector.EndM - Sector.StartM) * fraction);
}
