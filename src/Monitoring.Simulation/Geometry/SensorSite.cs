namespace Monitoring.Simulation.Geometry;

/// <summary>A sensor id and its place in base-line coordinates (arc length s, metres south of the base line).</summary>
public sealed record SensorSite(string Id, double ArcM, double OffsetM)
{
    public double DistanceTo(double s, double offsetM) => Math.Sqrt(((s - ArcM) * (s - ArcM)) + ((offsetM - OffsetM) * (offsetM - OffsetM)));
}
