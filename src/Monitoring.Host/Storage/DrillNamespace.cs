namespace Monitoring.Host.Storage;

using Orleans.Runtime;

/// <summary>
/// Tells drill keys from live ones; drill ids are made with this prefix (<see cref="Drills.DrillIds"/>).
/// Every key of a drill starts with its drill id ("drill-…": sector
/// "drill-1a/S12", incident "drill-1a/S12-2026-0001", incident index "drill-1a" and its sector's share
/// "drill-1a/S12"); no live key does (sectors "S12", incidents "S12-2026-0001", index "live", "live/S12").
/// </summary>
public static class DrillNamespace
{
    public const string Prefix = "drill-";

    public static bool IsDrill(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    // The UTF-8 bytes of Prefix: a grain id's key is UTF-8.
    public static bool IsDrill(GrainId grainId) => grainId.Key.AsSpan().StartsWith("drill-"u8);
}
