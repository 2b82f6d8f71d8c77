namespace Monitoring.Geo;

/// <summary>A stretch where the map and UNC lines differ by more than the asked threshold.</summary>
public sealed record Discrepancy(
    int FromMarker,
    int ToMarker,
    double MaxGapM,
    double LengthM,
    int Identified,
    int Damaged,
    int Lost);
