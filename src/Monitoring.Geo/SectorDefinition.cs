namespace Monitoring.Geo;

/// <summary>A sector: the stretch [StartM, EndM) of base-line arc length. Index is 0-based; Id is "S01"...</summary>
public sealed record SectorDefinition(string SectorId, int Index, double StartM, double EndM);
