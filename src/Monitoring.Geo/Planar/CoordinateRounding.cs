namespace Monitoring.Geo.Planar;

/// <summary>
/// Lon/lat are kept to 1e-7 degree (about 1 cm). Generated data is rounded once, so writing it
/// out and reading it back gives the very same doubles.
/// </summary>
internal static class CoordinateRounding
{
    public const double Scale = 1e7;

    public static double Round(double degrees) => Math.Round(degrees * Scale, MidpointRounding.AwayFromZero) / Scale;

    public static LonLat Round(LonLat p) => new(Round(p.Lon), Round(p.Lat));
}
