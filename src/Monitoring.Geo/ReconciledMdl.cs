namespace Monitoring.Geo;

/// <summary>
/// One immutable MDL version: the data set, the policy, the derived layers (C, D, V, R) and the indexed classifier.
/// Built once per version; Classify is allocation-free and makes no overlay call.
/// </summary>
public sealed class ReconciledMdl
{
    public static ReconciledMdl Build(MdlDataSet data, MdlPolicy policy, long version) => throw new NotImplementedException();

    public long Version => throw new NotImplementedException();
    public MdlPolicy Policy => throw new NotImplementedException();
    public MdlDataSet Data => throw new NotImplementedException();
    public SectorMap Sectors => throw new NotImplementedException();

    /// <summary>The verdict and depthM for position (lon, lat) with 95% radius accuracyM.</summary>
    public Classification Classify(double lon, double lat, double accuracyM, bool isAnimal) => throw new NotImplementedException();

    /// <summary>GET /api/mdl: a FeatureCollection with top-level version and policy, and every layer.</summary>
    public string ToGeoJson() => throw new NotImplementedException();

    /// <summary>GET /api/mdl/discrepancies?minM=...</summary>
    public IReadOnlyList<Discrepancy> Discrepancies(double minM) => throw new NotImplementedException();
}
