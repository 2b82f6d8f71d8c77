namespace Monitoring.Geo.Tests.Support;

/// <summary>The default data set and its jcs-2025 version, built once for the whole test run.</summary>
internal static class DefaultMdl
{
    private static readonly Lazy<MdlDataSet> LazyData = new(() => MdlDataSetFactory.Generate());
    private static readonly Lazy<ReconciledMdl> LazyJcs = new(() => ReconciledMdl.Build(Data, MdlPolicy.Jcs2025, 1));

    public static MdlDataSet Data => LazyData.Value;
    public static ReconciledMdl Jcs => LazyJcs.Value;
}
