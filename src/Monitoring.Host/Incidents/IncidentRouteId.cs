namespace Monitoring.Host.Incidents;

/// <summary>
/// The incident id of a request path. A drill incident's id holds a '/' ("drill-7/S12-2026-0007"), which one route
/// segment cannot: a client that encodes it (encodeURIComponent: "drill-7%2FS12-2026-0007") gets the segment with
/// "%2F" still in it, because ASP.NET Core never decodes %2F in a path (a decoded '/' would make a new segment);
/// a client that sends it raw gets two segments, the drill id and the local id. Both come back to the one id here;
/// the caller still checks it (<see cref="IncidentLookup"/>), so nothing else a decoded path holds gets through.
/// </summary>
public static class IncidentRouteId
{
    /// <summary>
    /// The id of one segment: its "%2F" (any case) is the drill id's '/'. Every other escape is decoded already, "%25"
    /// too, so a doubly encoded "%252F" arrives as "%2F" and is read the same: harmless, the result must still be an id.
    /// </summary>
    public static string FromSegment(string segment)
        => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The id of a drill incident sent with a raw '/': "{drillId}/{localId}".</summary>
    public static string FromSegments(string drillId, string localId) => $"{drillId}/{localId}";
}
