namespace Monitoring.Simulation.Truth;

/// <summary>Where a mover is at scenario second T: arc length s and base-line offset (south positive).</summary>
public readonly record struct Waypoint(double T, double ArcM, double OffsetM);
