namespace Monitoring.Geo;

/// <summary>The lower-case names the API uses for geo enums.</summary>
public static class WireNames
{
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Clear => "clear",
        Verdict.Approaching => "approaching",
        Verdict.Ambiguous => "ambiguous",
        Verdict.Crossed => "crossed",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static string Of(MarkerStatus status) => status switch
    {
        MarkerStatus.Identified => "identified",
        MarkerStatus.Damaged => "damaged",
        MarkerStatus.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(MdlPolicy policy) => policy switch
    {
        MdlPolicy.Jcs2025 => "jcs-2025",
        MdlPolicy.Southernmost => "southernmost",
        MdlPolicy.MapLine => "map-line",
        MdlPolicy.UncLine => "unc-line",
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    public static bool TryParse(string? text, out MdlPolicy policy)
    {
        switch (text)
        {
            case "jcs-2025": policy = MdlPolicy.Jcs2025; return true;
            case "southernmost": policy = MdlPolicy.Southernmost; return true;
            case "map-line": policy = MdlPolicy.MapLine; return true;
            case "unc-line": policy = MdlPolicy.UncLine; return true;
            default: policy = default; return false;
        }
    }

    public static bool TryParse(string? text, out MarkerStatus status)
    {
        switch (text)
        {
            case "identified": status = MarkerStatus.Identified; return true;
            case "damaged": status = MarkerStatus.Damaged; return true;
            case "lost": status = MarkerStatus.Lost; return true;
            default: status = default; return false;
        }
    }
}
