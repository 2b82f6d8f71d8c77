namespace Monitoring.Simulation.Tests.Support;

using Monitoring.Geo;
using Monitoring.Simulation.Scenarios;

/// <summary>The default data set under the default policy, built once for all tests.</summary>
public static class DefaultMdl
{
    private static readonly Lazy<ReconciledMdl> Instance = new(() => ReconciledMdl.Build(MdlDataSetFactory.Generate(), MdlPolicy.Jcs2025, 1));

    public static ReconciledMdl Mdl => Instance.Value;

    public static readonly DateTimeOffset Start = new(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);

    public static ScenarioContext Context(int seed, string runTag = "") => new(Mdl, seed, Start, runTag);
}
