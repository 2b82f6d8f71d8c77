namespace Monitoring.Grains.Sensors;

using System.Collections.Frozen;
using Monitoring.Geo;

/// <summary>
/// The generated sensor catalogue: every sector gets a radar, two EO/IR cameras, fence sensors along the
/// southern fence, two seismic sensors and a patrol. Ids carry the sector number ("rdr-07" watches S07).
/// </summary>
public sealed class SensorCatalog
{
    private readonly FrozenDictionary<string, Sensor> _byId;

    public SensorCatalog(IEnumerable<Sensor> sensors)
    {
        All = sensors.ToArray();
        _byId = All.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Sensor> All { get; }

    public bool TryGet(string id, out Sensor sensor) => _byId.TryGetValue(id, out sensor!);

    public bool TryGet(ReadOnlySpan<char> id, out Sensor sensor)
        => _byId.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out sensor!);

    /// <summary>The default catalogue for a sector map (deterministic).</summary>
    public static SensorCatalog Generate(SectorMap sectors)
    {
        var list = new List<Sensor>();
        foreach (var sector in sectors.Sectors)
        {
            var n = (sector.Index + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var length = sector.EndM - sector.StartM;
            double At(double fraction) => sector.StartM + (length * fraction);
            Sensor Make(string id, string kind, double s, double offsetSouthM)
            {
                var p = sectors.PointAt(s, offsetSouthM);
                return new Sensor(id, kind, sector.SectorId, p.Lon, p.Lat, SensorKind.DefaultAccuracyM(kind));
            }

            // Guard posts sit about 1.5 km south of the line, the fence about 1 km south.
            list.Add(Make($"rdr-{n}", SensorKind.Radar, At(0.5), 1500));
            list.Add(Make($"eo-{n}a", SensorKind.EoIr, At(0.25), 1200));
            list.Add(Make($"eo-{n}b", SensorKind.EoIr, At(0.75), 1200));
            for (var i = 0; i < 4; i++)
            {
                list.Add(Make($"fence-{n}-{i + 1}", SensorKind.Fence, At((i + 0.5) / 4), 1000));
            }

            list.Add(Make($"seis-{n}a", SensorKind.Seismic, At(0.33), 800));
            list.Add(Make($"seis-{n}b", SensorKind.Seismic, At(0.66), 800));
            list.Add(Make($"patrol-{n}", SensorKind.Patrol, At(0.5), 2000));
        }

        return new SensorCatalog(list);
    }
}
