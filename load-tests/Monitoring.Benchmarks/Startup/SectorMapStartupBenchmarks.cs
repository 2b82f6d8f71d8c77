namespace Monitoring.Benchmarks.Startup;

using BenchmarkDotNet.Attributes;
using Monitoring.Geo;

/// <summary>
/// Start-up: the sensor catalogue needs only the sector routing. It used to get it from a whole
/// ReconciledMdl (layers, overlays, classifier index); SectorMap.For builds the routing alone.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SectorMapStartupBenchmarks
{
    private MdlDataSet _data = null!;

    [GlobalSetup]
    public void Setup() => _data = MdlDataSetFactory.Generate();

    [Benchmark(Baseline = true)]
    public int ViaReconciledMdl() => ReconciledMdl.Build(_data, MdlPolicy.Jcs2025, 0).Sectors.Sectors.Count;

    [Benchmark]
    public int SectorMapFor() => SectorMap.For(_data).Sectors.Count;
}
