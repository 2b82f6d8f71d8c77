namespace Monitoring.Host.Tests.Infrastructure;

using Monitoring.Geo;

/// <summary>Finds positions by what they are relative to the reconciled line, not by hard-coded coordinates.</summary>
public static class Positions
{
    /// <summary>
    /// The point at arc length s whose signed distance to R is depthM (positive south), found by bisection
    /// along the base line's normal. Null where the normal does not reach that depth within ±1 km.
    /// </summary>
    public static LonLat? AtDepth(ReconciledMdl mdl, double arcLengthM, double depthM)
    {
        double Depth(double offset)
        {
            var p = mdl.Sectors.PointAt(arcLengthM, offset);
            return mdl.Classify(p.Lon, p.Lat, 1, isAnimal: false).DepthM;
        }

        double lo = -1000, hi = 1000;
        if (Depth(lo) > depthM || Depth(hi) < depthM)
        {
            return null;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Depth(mid) < depthM)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var found = mdl.Sectors.PointAt(arcLengthM, (lo + hi) / 2);
        return Math.Abs(mdl.Classify(found.Lon, found.Lat, 1, false).DepthM - depthM) < 0.01 ? found : null;
    }

    /// <summary>The sector id of a position (it must be inside the monitored area).</summary>
    public static string SectorOf(ReconciledMdl mdl, LonLat p)
        => mdl.Sectors.TryLocate(p.Lon, p.Lat, out var i) ? mdl.Sectors.Sectors[i].SectorId : throw new ArgumentException("outside the monitored area");
}
