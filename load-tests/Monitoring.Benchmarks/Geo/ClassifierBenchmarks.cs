using BenchmarkDotNet.Attributes;
using Monitoring.Geo;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Monitoring.Benchmarks.Geo;

/// <summary>
/// One classification of a position near the MDL: the indexed classifier against the plain NTS way
/// (project, unprepared Contains on C and D, Distance to R). Positions lie within ±300 m of the base line.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ClassifierBenchmarks
{
    private const int Positions = 4096;
    // The plain NTS way is some thousand times slower; a slice of the same positions keeps the run short.
    private const int NtsPositions = 64;

    private ReconciledMdl _mdl = null!;
    private double[] _lon = null!;
    private double[] _lat = null!;
    private double[] _accuracy = null!;
    private bool[] _animal = null!;
    private MathTransform _toUtm = null!;
    private Geometry _confirmed = null!;
    private Geometry _disputed = null!;
    private Geometry _reconciled = null!;
    private GeometryFactory _factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mdl = ReconciledMdl.Build(MdlDataSetFactory.Generate(), MdlPolicy.Jcs2025, 1);
        var random = new Random(42);
        _lon = new double[Positions];
        _lat = new double[Positions];
        _accuracy = new double[Positions];
        _animal = new bool[Positions];
        for (var i = 0; i < Positions; i++)
        {
            var p = _mdl.Sectors.PointAt(random.NextDouble() * _mdl.Sectors.TotalLengthM, (random.NextDouble() * 600) - 300);
            _lon[i] = p.Lon;
            _lat[i] = p.Lat;
            _accuracy[i] = 1 + (random.NextDouble() * 99);
            _animal[i] = random.Next(8) == 0;
        }

        _toUtm = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WGS84_UTM(52, true))
            .MathTransform;
        _confirmed = _mdl.Layers.ConfirmedSouth;
        _disputed = _mdl.Layers.DisputedBand;
        _reconciled = _mdl.Layers.ReconciledLine;
        _factory = new GeometryFactory();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Positions)]
    public int Fast()
    {
        var crossed = 0;
        for (var i = 0; i < Positions; i++)
        {
            if (_mdl.Classify(_lon[i], _lat[i], _accuracy[i], _animal[i]).Verdict == Verdict.Crossed)
            {
                crossed++;
            }
        }

        return crossed;
    }

    [Benchmark(OperationsPerInvoke = NtsPositions)]
    public int PlainNts()
    {
        var crossed = 0;
        for (var i = 0; i < NtsPositions; i++)
        {
            double x = _lon[i], y = _lat[i];
            _toUtm.Transform(ref x, ref y);
            var p = _factory.CreatePoint(new Coordinate(x, y));
            var inC = _confirmed.Contains(p);
            var d = inC ? _reconciled.Distance(p) : -_reconciled.Distance(p);
            var verdict = inC
                ? (d > _accuracy[i] ? Verdict.Crossed : Verdict.Ambiguous)
                : _disputed.Contains(p) ? Verdict.Ambiguous
                : !_animal[i] && d >= -100 ? Verdict.Approaching : Verdict.Clear;
            if (verdict == Verdict.Crossed)
            {
                crossed++;
            }
        }

        return crossed;
    }
}
