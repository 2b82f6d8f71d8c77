using Monitoring.Geo.Indexing;
using Monitoring.Geo.Planar;
using NetTopologySuite.Geometries;

namespace Monitoring.Geo.Analysis;

/// <summary>
/// GET /api/mdl/discrepancies: walks the UNC line (K) in 5 m steps, measuring the gap to the map line (M)
/// at each step. A stretch is a maximal run of steps where the gap exceeds minM. It is reported by the
/// markers bracketing it (the marker at or before its start, the one at or after its end), with its
/// largest gap, its length along K, and the statuses of the markers in that range. Stretches whose
/// marker ranges overlap (a brief dip below minM between two markers) are reported as one, with the
/// lengths added.
/// </summary>
internal static class DiscrepancyFinder
{
    private const double StepM = 5;

    public static IReadOnlyList<Discrepancy> Find(IReadOnlyList<Marker> markers, LineString uncLine, LineString mapLine, Extent extent, double minM)
    {
        if (!(minM >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minM), minM, "minM must be a non-negative number.");
        }

        var map = new SegmentGrid(ToSegments(mapLine), extent, 500);
        var k = ToPolyline(uncLine);
        var result = new List<Discrepancy>();
        var steps = (int)Math.Ceiling(k.Length / StepM);
        var open = false;
        double startS = 0, endS = 0, maxGap = 0;
        for (var n = 0; n <= steps; n++)
        {
            var s = Math.Min(n * StepM, k.Length);
            k.PointAt(s, 0, out var x, out var y);
            var gap = map.Distance(x, y);
            if (gap > minM)
            {
                if (!open)
                {
                    open = true;
                    startS = s;
                    maxGap = 0;
                }

                endS = s;
                maxGap = Math.Max(maxGap, gap);
            }
            else if (open)
            {
                result.Add(Report(markers, k, startS, endS, maxGap));
                open = false;
            }
        }

        if (open)
        {
            result.Add(Report(markers, k, startS, endS, maxGap));
        }

        return Merge(result, markers);
    }

    private static List<Discrepancy> Merge(List<Discrepancy> stretches, IReadOnlyList<Marker> markers)
    {
        var merged = new List<Discrepancy>();
        foreach (var next in stretches)
        {
            if (merged.Count > 0 && merged[^1].ToMarker > next.FromMarker)
            {
                var previous = merged[^1];
                var to = Math.Max(previous.ToMarker, next.ToMarker);
                var range = markers.Skip(previous.FromMarker - 1).Take(to - previous.FromMarker + 1).ToList();
                merged[^1] = previous with
                {
                    ToMarker = to,
                    MaxGapM = Math.Max(previous.MaxGapM, next.MaxGapM),
                    LengthM = previous.LengthM + next.LengthM,
                    Identified = range.Count(m => m.Status == MarkerStatus.Identified),
                    Damaged = range.Count(m => m.Status == MarkerStatus.Damaged),
                    Lost = range.Count(m => m.Status == MarkerStatus.Lost),
                };
            }
            else
            {
                merged.Add(next);
            }
        }

        return merged;
    }

    private static Discrepancy Report(IReadOnlyList<Marker> markers, Polyline k, double startS, double endS, double maxGap)
    {
        // K's vertices are the markers, so vertex i is marker i + 1.
        var from = k.SegmentAt(startS);
        var to = Math.Min(k.SegmentAt(endS) + (k.Cumulative[k.SegmentAt(endS)] == endS ? 0 : 1), markers.Count - 1);
        int identified = 0, damaged = 0, lost = 0;
        for (var i = from; i <= to; i++)
        {
            switch (markers[i].Status)
            {
                case MarkerStatus.Identified: identified++; break;
                case MarkerStatus.Damaged: damaged++; break;
                default: lost++; break;
            }
        }

        return new Discrepancy(markers[from].Number, markers[to].Number, maxGap, endS - startS, identified, damaged, lost);
    }

    private static SegmentSet ToSegments(LineString line) => SegmentSet.FromLines([Arrays(line)]);

    private static Polyline ToPolyline(LineString line)
    {
        var (xs, ys) = Arrays(line);
        return new Polyline(xs, ys);
    }

    private static (double[] Xs, double[] Ys) Arrays(LineString line)
    {
        var sequence = line.CoordinateSequence;
        var xs = new double[sequence.Count];
        var ys = new double[sequence.Count];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = sequence.GetX(i);
            ys[i] = sequence.GetY(i);
        }

        return (xs, ys);
    }
}
