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
}
