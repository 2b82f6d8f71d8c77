using System.Diagnostics;
using Monitoring.Geo.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.Geo.Tests;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Builds()
    {
        var sw = Stopwatch.StartNew();
        var data = DefaultMdl.Data;
        output.WriteLine($"gen {sw.ElapsedMilliseconds} ms, map {data.MapLine.Count}, markers {data.Markers.Count}, sectors {data.Sectors.Count}");
        sw.Restart();
        var mdl = DefaultMdl.Jcs;
        output.WriteLine($"build {sw.ElapsedMilliseconds} ms, R {mdl.Layers.ReconciledLine.NumPoints} pts, C {mdl.Layers.ConfirmedSouth.NumPoints}, D {mdl.Layers.DisputedBand.NumGeometries} parts, V {mdl.Layers.VerifiedZone.NumGeometries}");
        var len = mdl.Sectors.TotalLengthM;
        var c = mdl.Classify(mdl.Sectors.PointAt(len / 2, 500).Lon, mdl.Sectors.PointAt(len / 2, 500).Lat, 10, false);
        output.WriteLine($"{c}");
        sw.Restart();
        var json = mdl.ToGeoJson();
        output.WriteLine($"json {sw.ElapsedMilliseconds} ms {json.Length} chars");
        var d = mdl.Discrepancies(20);
        output.WriteLine($"disc {d.Count} first {d.FirstOrDefault()}");
        Assert.True(true);
    }
}
