using Monitoring.Geo.Analysis;
using Monitoring.Geo.Classifying;
using Monitoring.Geo.Export;
using Monitoring.Geo.Layers;
using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;

namespace Monitoring.Geo;

/// <summary>
/// One immutable MDL version: the data set, the policy, the derived layers (C, D, V, R) and the indexed classifier.
/// Built once per version; Classify is allocation-free and makes no overlay call.
/// </summary>
public sealed class ReconciledMdl
{
    private readonly UtmProjection _projection;
    private readonly MdlLayers _layers;
    private readonly ReconciledClassifier _classifier;
    private readonly Extent _extent;
    private readonly Lazy<string> _geoJson;

    private ReconciledMdl(MdlDataSet data, MdlPolicy policy, long version)
    {
        _projection = UtmProjection.Zone52N;
        Data = data;
        Policy = policy;
        Version = version;
        var baseLine = Polyline.FromLonLat(data.BaseLine, _projection);
        Sectors = new SectorMap(baseLine, data.Sectors, data.Parameters, _projection);
        _extent = SectorMap.MonitoredExtent(baseLine, data.Parameters);
        _layers = LayerBuilder.Build(data, policy, baseLine, _projection);
        _classifier = new ReconciledClassifier(_layers, _extent, data.Parameters.ApproachM);
        _geoJson = new Lazy<string>(() => MdlGeoJsonWriter.Write(this, _layers, _projection));
    }

    public static ReconciledMdl Build(MdlDataSet data, MdlPolicy policy, long version)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ReconciledMdl(data, policy, version);
    }

    public long Version { get; }
    public MdlPolicy Policy { get; }
    public MdlDataSet Data { get; }
    public SectorMap Sectors { get; }

    internal MdlLayers Layers => _layers;
    internal ReconciledClassifier Classifier => _classifier;

    /// <summary>The verdict and depthM for position (lon, lat) with 95% radius accuracyM.</summary>
    /// <remarks>
    /// depthM is the signed distance to R, positive inside C. Ties: depth == accuracy is ambiguous
    /// (crossed needs depth &gt; accuracy); depth == -ApproachM is approaching. Thread-safe, no allocation.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">lon/lat not finite or out of range, or accuracy NaN or negative.</exception>
    public Classification Classify(double lon, double lat, double accuracyM, bool isAnimal)
    {
        if (!(double.IsFinite(lon) && double.IsFinite(lat) && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180))
        {
            ThrowBadPosition();
        }

        if (!(accuracyM >= 0))
        {
            ThrowBadAccuracy();
        }

        _projection.Forward(lon, lat, out var x, out var y);
        return _classifier.Classify(x, y, accuracyM, isAnimal);
    }

    /// <summary>GET /api/mdl: a FeatureCollection with top-level version and policy, and every layer.</summary>
    public string ToGeoJson() => _geoJson.Value;

    /// <summary>GET /api/mdl/discrepancies?minM=...</summary>
    public IReadOnlyList<Discrepancy> Discrepancies(double minM)
        => DiscrepancyFinder.Find(Data.Markers, _layers.UncLine, _layers.MapLine, _extent, minM);

    private static void ThrowBadPosition()
        => throw new ArgumentOutOfRangeException("lon/lat", "Position must be a finite WGS84 lon/lat.");

    private static void ThrowBadAccuracy()
        => throw new ArgumentOutOfRangeException("accuracyM", "Accuracy must be a non-negative number of metres.");
}
