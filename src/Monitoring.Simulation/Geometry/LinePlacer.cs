namespace Monitoring.Simulation.Geometry;

using Monitoring.Geo;

/// <summary>
/// Places points relative to the reconciled line R rather than the base line: the base-line offset at
/// arc length s whose signed depth (Classify's depthM, positive south) is the wanted one, by bisection
/// along the base line's normal.
/// </summary>
public sealed class LinePlacer(ReconciledMdl mdl)
{
    public ReconciledMdl Mdl { get; } = mdl;

    public SectorMap Map => Mdl.Sectors;

    /// <summary>Signed depth to R of the point at (s, offset south of the base line).</summary>
    public double Depth(double s, double offsetM) => Classify(s, offsetM, 0).DepthM;

    public Classification Classify(double s, double offsetM, double accuracyM, bool isAnimal = false)
    {
        var p = Map.PointAt(s, offsetM);
        return Mdl.Classify(p.Lon, p.Lat, accuracyM, isAnimal);
    }

    /// <summary>The base-line offset at s whose depth below R is depthM (within a centimetre).</summary>
    public double OffsetAtDepth(double s, double depthM)
    {
        double lo = depthM - 500, hi = depthM + 500;
        for (var widen = 0; widen < 4 && Depth(s, lo) > depthM; widen++)
        {
            lo -= 500;
        }

        for (var widen = 0; widen < 4 && Depth(s, hi) < depthM; widen++)
        {
            hi += 500;
        }

        for (var i = 0; i < 48 && hi - lo > 0.01; i++)
        {
            var mid = (lo + hi) / 2;
            if (Depth(s, mid) < depthM)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    public LonLat At(double s, double offsetM) => Map.PointAt(s, offsetM);

    /// <summary>True when every point from depth fromM to toM (both negative: north of R) at s lies in the disputed band.</summary>
    public bool DisputedBetween(double s, double fromM, double toM, double stepM = 2)
    {
        for (var depth = fromM; depth <= toM; depth += stepM)
        {
            var c = Classify(s, OffsetAtDepth(s, depth), 0);
            if (c.Verdict != Verdict.Ambiguous || c.DepthM >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
