namespace Monitoring.Geo;

/// <summary>
/// Routes a position to its sector: the nearest point on the base line gives arc length s,
/// sector ⌊s / length⌋ (capped); only points within the monitored area (2 km north, 5 km south) belong to one.
/// </summary>
public sealed class SectorMap
{
    public IReadOnlyList<SectorDefinition> Sectors => throw new NotImplementedException();

    /// <summary>Zero-allocation lookup. False when the point is outside the monitored area (or not finite).</summary>
    public bool TryLocate(double lon, double lat, out int sectorIndex) => throw new NotImplementedException();

    /// <summary>A point at arc length s along the base line, moved offsetSouthM to the right (south) of it.</summary>
    public LonLat PointAt(double arcLengthM, double offsetSouthM) => throw new NotImplementedException();

    public double TotalLengthM => throw new NotImplementedException();
}
