namespace Monitoring.Geo;

/// <summary>The (config) parameters of domain.md, with its defaults.</summary>
public sealed record MdlParameters
{
    public int Seed { get; init; } = 1953;
    public int MarkerCount { get; init; } = 1292;
    public double SectorLengthM { get; init; } = 4000;
    public double VerifiedBufferM { get; init; } = 150;
    public double ApproachM { get; init; } = 100;
    public double NorthReachM { get; init; } = 2000;
    public double SouthReachM { get; init; } = 5000;
}
