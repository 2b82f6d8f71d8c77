using System.Collections.Concurrent;
using Monitoring.Geo.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.Geo.Tests.Classifying;

/// <summary>The fast classifier against the brute-force NTS reference on random positions near the lines.</summary>
public sealed class OracleTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData(MdlPolicy.Jcs2025, 80_000, 20_000)]
    [InlineData(MdlPolicy.Southernmost, 15_000, 3_000)]
    [InlineData(MdlPolicy.MapLine, 15_000, 3_000)]
    [InlineData(MdlPolicy.UncLine, 15_000, 3_000)]
    public void Fast_classifier_agrees_with_the_reference(MdlPolicy policy, int nearLine, int inArea)
    {
        var data = DefaultMdl.Data;
        var mdl = policy == MdlPolicy.Jcs2025 ? DefaultMdl.Jcs : ReconciledMdl.Build(data, policy, 1);
        var reference = new ReferenceClassifier(data, policy);
        var length = mdl.Sectors.TotalLengthM;

        var random = new Random(20250 + (int)policy);
        var cases = new (LonLat P, double A, bool Animal)[nearLine + inArea];
        for (var i = 0; i < cases.Length; i++)
        {
            var s = random.NextDouble() * length;
            var offset = i < nearLine ? (random.NextDouble() * 600) - 300 : (random.NextDouble() * 7000) - 2000;
            cases[i] = (mdl.Sectors.PointAt(s, offset), 1 + (random.NextDouble() * 99), random.Next(2) == 0);
        }

        var failures = new ConcurrentQueue<string>();
        var counts = new int[4];
        var excused = 0;
        Parallel.For(0, cases.Length, i =>
        {
            var (p, a, animal) = cases[i];
            var fast = mdl.Classify(p.Lon, p.Lat, a, animal);
            var (verdict, depth) = reference.Classify(p.Lon, p.Lat, a, animal);
            Interlocked.Increment(ref counts[(int)verdict]);
            var onEdge = Math.Abs(depth - a) < Tolerance || Math.Abs(depth) < Tolerance;
            if (onEdge)
            {
                Interlocked.Increment(ref excused);
            }

            var depthOk = onEdge
                ? Math.Abs(Math.Abs(fast.DepthM) - Math.Abs(depth)) <= Tolerance
                : Math.Abs(fast.DepthM - depth) <= Tolerance;
            if ((fast.Verdict != verdict && !onEdge) || !depthOk)
            {
                failures.Enqueue($"#{i} {p} a={a:F3} animal={animal}: fast {fast.Verdict} {fast.DepthM:R}, reference {verdict} {depth:R}");
            }
        });

        output.WriteLine($"{policy}: {cases.Length} cases, clear {counts[0]}, approaching {counts[1]}, ambiguous {counts[2]}, crossed {counts[3]}, excused {excused}");
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
        Assert.All(counts, c => Assert.True(c > 0, "every verdict should occur in the sample"));
    }
}
