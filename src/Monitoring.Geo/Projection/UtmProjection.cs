using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Monitoring.Geo.Projection;

/// <summary>
/// WGS84 lon/lat ⇄ UTM zone 52N (EPSG:32652) metres, through ProjNet.
/// ProjNet's ref-double overloads neither allocate nor keep per-call state, so one shared
/// instance serves every thread and the classifier's hot path.
/// </summary>
internal sealed class UtmProjection
{
    public static readonly UtmProjection Zone52N = new();

    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    private UtmProjection()
    {
        var factory = new CoordinateTransformationFactory();
        var transform = factory.CreateFromCoordinateSystems(
            GeographicCoordinateSystem.WGS84,
            ProjectedCoordinateSystem.WGS84_UTM(52, true));
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    public void Forward(double lon, double lat, out double x, out double y)
    {
        x = lon;
        y = lat;
        _forward.Transform(ref x, ref y);
    }

    public void Inverse(double x, double y, out double lon, out double lat)
    {
        lon = x;
        lat = y;
        _inverse.Transform(ref lon, ref lat);
    }
}
