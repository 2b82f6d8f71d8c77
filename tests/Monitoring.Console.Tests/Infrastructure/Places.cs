namespace Monitoring.Console.Tests.Infrastructure;

using Monitoring.Geo;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>Positions in a sector, found from the reconciled line (never hard-coded coordinates).</summary>
public static class Places
{
    /// <summary>A point at the given depth south of R (negative: north), at fraction f along the sector.</summary>
    public static LonLat InSector(ReconciledMdl mdl, string sectorId, double depthM, double f = 0.5)
    {
        var sector = mdl.Sectors.Sectors.Single(s => s.SectorId == sectorId);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var t = (f + (attempt * 0.023)) % 0.9 + 0.05;
            var arc = sector.StartM + ((sector.EndM - sector.StartM) * t);
            if (Positions.AtDepth(mdl, arc, depthM) is { } p && Positions.SectorOf(mdl, p) == sectorId)
            {
                return p;
            }
        }

        throw new InvalidOperationException($"no point {depthM} m from R in {sectorId}");
    }

    /// <summary>The radar of a sector (rdr-NN).</summary>
    public static string Radar(string sectorId) => $"rdr-{sectorId[1..]}";
}
