using Monitoring.Geo.Tests.Support;

namespace Monitoring.Geo.Tests.Classifying;

/// <summary>Hand-made cases for domain.md "Verdicts" and the jcs-2025 reconciliation.</summary>
public sealed class VerdictRuleTests
{
    private static readonly DateTimeOffset SurveyTime = new(2026, 2, 10, 11, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Past_the_map_line_but_not_the_unc_line_is_ambiguous_not_crossed()
    {
        var mdl = DefaultMdl.Jcs;
        // Map line 30+ m north of K: a party 15 m south of the map line is still north of K.
        var (first, offset) = Stretches.FindMapLineAside(mdl, 30, -1);
        var p = Between(mdl, first, offset);
        var result = mdl.Classify(p.Lon, p.Lat, 5, false);
        Assert.Equal(Verdict.Ambiguous, result.Verdict);
        Assert.True(result.DepthM < 0, "not south of R, which follows K here");
        Assert.Equal(Verdict.Ambiguous, ReconciledMdl.Build(mdl.Data, MdlPolicy.Southernmost, 2).Classify(p.Lon, p.Lat, 5, false).Verdict);
        Assert.Equal(Verdict.Crossed, ReconciledMdl.Build(mdl.Data, MdlPolicy.MapLine, 2).Classify(p.Lon, p.Lat, 5, false).Verdict);
        Assert.NotEqual(Verdict.Crossed, ReconciledMdl.Build(mdl.Data, MdlPolicy.UncLine, 2).Classify(p.Lon, p.Lat, 5, false).Verdict);
    }

    [Fact]
    public void Inside_a_new_verified_zone_the_unc_line_alone_decides_crossed()
    {
        var mdl = DefaultMdl.Jcs;
        // Map line 30+ m south of K: a point halfway is south of K but north of M.
        var (first, offset) = Stretches.FindMapLineAside(mdl, 30, +1);
        var p = Between(mdl, first, offset);
        Assert.Equal(Verdict.Ambiguous, mdl.Classify(p.Lon, p.Lat, 5, false).Verdict);

        var surveyed = Identify(mdl.Data, first, first + 3);
        var next = ReconciledMdl.Build(surveyed, MdlPolicy.Jcs2025, mdl.Version + 1);
        var result = next.Classify(p.Lon, p.Lat, 5, false);
        Assert.Equal(Verdict.Crossed, result.Verdict);
        Assert.Equal(offset / 2, result.DepthM, 0.1);
        // southernmost ignores verified zones: still disputed.
        Assert.Equal(Verdict.Ambiguous, ReconciledMdl.Build(surveyed, MdlPolicy.Southernmost, 9).Classify(p.Lon, p.Lat, 5, false).Verdict);
        // The new zone is in the published layer.
        Assert.True(next.Layers.VerifiedZone.Area > mdl.Layers.VerifiedZone.Area + (3 * 150 * 2 * 150));
    }

    [Fact]
    public void Inside_a_new_verified_zone_past_the_map_line_but_not_k_is_not_crossed()
    {
        var mdl = DefaultMdl.Jcs;
        var (first, offset) = Stretches.FindMapLineAside(mdl, 30, -1);
        var p = Between(mdl, first, offset);
        var next = ReconciledMdl.Build(Identify(mdl.Data, first, first + 3), MdlPolicy.Jcs2025, mdl.Version + 1);
        var person = next.Classify(p.Lon, p.Lat, 5, false);
        Assert.Equal(Verdict.Approaching, person.Verdict);
        Assert.Equal(offset / 2, person.DepthM, 0.1);
        Assert.Equal(Verdict.Clear, next.Classify(p.Lon, p.Lat, 5, true).Verdict);
    }

    [Fact]
    public void Depth_equal_to_accuracy_is_ambiguous_and_just_below_is_crossed()
    {
        var mdl = DefaultMdl.Jcs;
        var p = mdl.Sectors.PointAt(mdl.Sectors.TotalLengthM / 3, 250);
        var depth = mdl.Classify(p.Lon, p.Lat, 0, false).DepthM;
        Assert.InRange(depth, 150, 350);
        Assert.Equal(Verdict.Ambiguous, mdl.Classify(p.Lon, p.Lat, depth, false).Verdict);
        Assert.Equal(Verdict.Crossed, mdl.Classify(p.Lon, p.Lat, Math.BitDecrement(depth), false).Verdict);
        Assert.Equal(Verdict.Ambiguous, mdl.Classify(p.Lon, p.Lat, Math.BitIncrement(depth), false).Verdict);
    }

    [Fact]
    public void Depth_equal_to_minus_approach_distance_is_approaching()
    {
        var mdl = DefaultMdl.Jcs;
        var p = mdl.Sectors.PointAt(mdl.Sectors.TotalLengthM / 3, -180);
        var depth = mdl.Classify(p.Lon, p.Lat, 10, false).DepthM;
        Assert.InRange(depth, -280, -80);
        var data = mdl.Data;
        MdlDataSet WithApproach(double approach) => new(data.BaseLine, data.MapLine, data.Markers, data.Sectors, data.Parameters with { ApproachM = approach });
        Assert.Equal(Verdict.Approaching, ReconciledMdl.Build(WithApproach(-depth), MdlPolicy.Jcs2025, 2).Classify(p.Lon, p.Lat, 10, false).Verdict);
        Assert.Equal(Verdict.Clear, ReconciledMdl.Build(WithApproach(Math.BitDecrement(-depth)), MdlPolicy.Jcs2025, 2).Classify(p.Lon, p.Lat, 10, false).Verdict);
    }

    [Fact]
    public void South_is_right_of_the_line_not_smaller_latitude()
    {
        var mdl = DefaultMdl.Jcs;
        // The base line's most westward-heading stretch (the Han estuary start heads north-north-west):
        // there, right of the line has the larger latitude.
        var line = mdl.Data.BaseLine;
        var best = Enumerable.Range(0, line.Count - 1)
            .Where(i => Math.Abs(line[i + 1].Lat - line[i].Lat) > 0.02 || Math.Abs(line[i + 1].Lon - line[i].Lon) > 0.03)
            .MinBy(i => line[i + 1].Lon - line[i].Lon);
        Assert.True(line[best + 1].Lon < line[best].Lon, "a stretch heading west exists");
        Assert.True(mdl.Sectors.TryMeasure((line[best].Lon + line[best + 1].Lon) / 2, (line[best].Lat + line[best + 1].Lat) / 2, out var s, out _));

        var onLine = mdl.Sectors.PointAt(s, 0);
        var south = mdl.Sectors.PointAt(s, 400);
        var north = mdl.Sectors.PointAt(s, -400);
        Assert.True(south.Lat > onLine.Lat && south.Lat > north.Lat, "the south side has the larger latitude here");
        Assert.Equal(Verdict.Crossed, mdl.Classify(south.Lon, south.Lat, 20, false).Verdict);
        Assert.Equal(Verdict.Clear, mdl.Classify(north.Lon, north.Lat, 20, false).Verdict);
    }

    [Fact]
    public void Animals_are_never_approaching_but_can_cross()
    {
        var mdl = DefaultMdl.Jcs;
        var random = new Random(11);
        var seen = new HashSet<Verdict>();
        for (var i = 0; i < 5000; i++)
        {
            var p = mdl.Sectors.PointAt(random.NextDouble() * mdl.Sectors.TotalLengthM, (random.NextDouble() * 400) - 250);
            var person = mdl.Classify(p.Lon, p.Lat, 10, false);
            var animal = mdl.Classify(p.Lon, p.Lat, 10, true);
            seen.Add(person.Verdict);
            Assert.Equal(person.DepthM, animal.DepthM);
            Assert.Equal(person.Verdict == Verdict.Approaching ? Verdict.Clear : person.Verdict, animal.Verdict);
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        var mdl = DefaultMdl.Jcs;
        Assert.Throws<ArgumentOutOfRangeException>(() => mdl.Classify(double.NaN, 38, 10, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => mdl.Classify(127, double.PositiveInfinity, 10, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => mdl.Classify(127, 90.1, 10, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => mdl.Classify(127, 38, -1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => mdl.Classify(127, 38, double.NaN, false));
    }

    [Fact]
    public void Classification_allocates_nothing_once_warm_and_is_thread_safe_from_cold()
    {
        var mdl = DefaultMdl.Jcs;
        var random = new Random(5);
        var points = Enumerable.Range(0, 2000)
            .Select(_ => mdl.Sectors.PointAt(random.NextDouble() * mdl.Sectors.TotalLengthM, (random.NextDouble() * 1000) - 300))
            .ToArray();

        // A cold MDL (its cells' candidate lists not yet worked out) queried from many threads at once
        // answers exactly what the warm one answers one by one.
        var cold = ReconciledMdl.Build(DefaultMdl.Data, MdlPolicy.Jcs2025, 1);
        var parallel = new Classification[points.Length];
        Parallel.For(0, points.Length, i => parallel[i] = cold.Classify(points[i].Lon, points[i].Lat, 10, false));
        var serial = points.Select(p => mdl.Classify(p.Lon, p.Lat, 10, false)).ToArray();
        Assert.Equal(serial, parallel);

        foreach (var p in points)
        {
            mdl.Sectors.TryLocate(p.Lon, p.Lat, out _); // warm: each cell's first query works out its candidates
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var p in points)
        {
            mdl.Classify(p.Lon, p.Lat, 10, false);
            mdl.Sectors.TryLocate(p.Lon, p.Lat, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Halfway between K and the map line, between markers first+1 and first+2.</summary>
    private static LonLat Between(ReconciledMdl mdl, int first, double offset)
    {
        var spacing = mdl.Sectors.TotalLengthM / (mdl.Data.Markers.Count - 1);
        return mdl.Sectors.PointAt((first + 1.5) * spacing, offset / 2);
    }

    private static MdlDataSet Identify(MdlDataSet data, int firstIndex, int lastIndex)
    {
        for (var i = firstIndex; i <= lastIndex; i++)
        {
            data = data.WithMarkerSurvey(i + 1, MarkerStatus.Identified, null, SurveyTime);
        }

        return data;
    }
}
