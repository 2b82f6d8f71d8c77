namespace Monitoring.Simulation.Feeding;

using System.Text.Json;
using Monitoring.Geo;

/// <summary>
/// The MDL a host runs on, so scenarios are placed against the same reconciled line: GET /api/mdl
/// (the GeoJSON a deployment could load) with its version and policy.
/// </summary>
public static class RemoteMdl
{
    public static async Task<ReconciledMdl> FetchAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync("/api/mdl", cancellationToken);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var version = root.TryGetProperty("version", out var v) ? v.GetInt64() : 0;
        var policy = root.TryGetProperty("policy", out var p) && WireNames.TryParse(p.GetString() ?? "", out MdlPolicy parsed) ? parsed : MdlPolicy.Jcs2025;
        return ReconciledMdl.Build(MdlDataSetFactory.LoadGeoJson(json), policy, version);
    }

    /// <summary>The default generated data set under jcs-2025: what a host with default settings runs on.</summary>
    public static ReconciledMdl Default() => ReconciledMdl.Build(MdlDataSetFactory.Generate(), MdlPolicy.Jcs2025, 1);
}
