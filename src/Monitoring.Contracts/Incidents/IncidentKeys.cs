namespace Monitoring.Contracts.Incidents;

/// <summary>
/// Incident ids: "S12-2026-0007" (sector where it opened, year, that sector's counter) for live,
/// "{drillId}/S12-2026-0007" in a drill, like sector keys. The id is the incident grain's key.
/// </summary>
public static class IncidentKeys
{
    public static string Id(string sectorId, int year, int number, string? drillId)
    {
        var local = $"{sectorId}-{year:D4}-{number:D4}";
        return drillId is null ? local : $"{drillId}/{local}";
    }

    /// <summary>The drill id of an incident id (null for live).</summary>
    public static string? DrillOf(string incidentId)
    {
        var slash = incidentId.LastIndexOf('/');
        return slash < 0 ? null : incidentId[..slash];
    }

    /// <summary>
    /// The sector an incident opened in, read from its id ("S12-2026-0007" → "S12", also behind a drill prefix),
    /// or null when the id does not have that form. It moves with its track, so it may be in another sector now.
    /// </summary>
    public static string? OpeningSectorOf(string incidentId)
    {
        var local = incidentId[(incidentId.LastIndexOf('/') + 1)..];
        return local.Split('-') is [{ Length: > 0 } sector, { Length: 4 } year, { Length: >= 4 } number]
            && year.All(char.IsAsciiDigit) && number.All(char.IsAsciiDigit)
            ? sector
            : null;
    }

    /// <summary>Longest id accepted from a caller: "drill-" + 58 characters, "/", and a local id with room to spare.</summary>
    public const int MaxIdLength = 128;

    /// <summary>
    /// Whether a caller's id can be an incident id at all ("S12-2026-0007", or "{drillId}/S12-2026-0007": letters,
    /// digits and '-' only). Endpoints and the hub check it before they make a grain reference, so a blank, huge or
    /// path-like id is a 404 instead of an error from the grain runtime, and never activates a grain.
    /// </summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? incidentId)
    {
        if (incidentId is not { Length: > 0 and <= MaxIdLength } || OpeningSectorOf(incidentId) is null)
        {
            return false;
        }

        var slash = incidentId.LastIndexOf('/');
        return incidentId.AsSpan(slash + 1).IndexOfAnyExcept(IdCharacters) < 0
            && (slash < 0 || (slash > 0 && incidentId.AsSpan(0, slash).IndexOfAnyExcept(IdCharacters) < 0));
    }

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The key of the per-namespace incident index grain ("live" or the drill id).</summary>
    public static string IndexKey(string? drillId) => drillId ?? "live";

    /// <summary>The key of one sector's share of an index: "live/S12" or "{drillId}/S12".</summary>
    public static string SectorIndexKey(string indexKey, string sectorId) => $"{indexKey}/{sectorId}";

    /// <summary>The key of an archive chunk of a sector's index: "live/S12/000003" or "{drillId}/S12/000003" (a drill's keys keep its prefix).</summary>
    public static string ArchiveKey(string indexKey, int chunk) => $"{indexKey}/{chunk:D6}";

    /// <summary>
    /// Hub group of the all-sector duty officers who do not watch this live sector ("escalations:S12"): its
    /// escalations reach them there, and reach those who watch it through the sector's own group, so each
    /// console gets every escalation once.
    /// </summary>
    public static string EscalationGroup(string sectorId) => $"escalations:{sectorId}";
}
