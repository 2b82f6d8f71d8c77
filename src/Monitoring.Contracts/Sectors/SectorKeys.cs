namespace Monitoring.Contracts.Sectors;

/// <summary>Grain keys and hub groups per namespace: live is plain "S12", a drill is "{drillId}/S12".</summary>
public static class SectorKeys
{
    public static string GrainKey(string sectorId, string? drillId)
        => drillId is null ? sectorId : $"{drillId}/{sectorId}";

    public static (string SectorId, string? DrillId) Parse(string grainKey)
    {
        var slash = grainKey.LastIndexOf('/');
        return slash < 0 ? (grainKey, null) : (grainKey[(slash + 1)..], grainKey[..slash]);
    }

    public static string HubGroup(string sectorId, string? drillId)
        => drillId is null ? $"sector:{sectorId}" : $"drill:{drillId}:sector:{sectorId}";

    /// <summary>
    /// The group that receives a sector's track pushes in one format ("sector:S12:tracks:full"): a group
    /// push goes to every member, so consoles that chose different formats (Hub.TrackFormats) need groups
    /// of their own. Alerts, incidents and sensor health still go to <see cref="HubGroup"/>.
    /// </summary>
    public static string TrackGroup(string sectorId, string? drillId, string format)
        => $"{HubGroup(sectorId, drillId)}:tracks:{format}";
}
