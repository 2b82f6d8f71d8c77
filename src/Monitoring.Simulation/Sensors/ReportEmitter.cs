namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Reports;
using Monitoring.Simulation.Scenarios;

/// <summary>Turns sensor observations into wire reports with per-sensor sequential report ids.</summary>
public sealed class ReportEmitter(LinePlacer placer, DateTimeOffset start, string runTag)
{
    private const double MetresPerDegreeLat = 111_000;
    private readonly Dictionary<string, int> _sequence = new(StringComparer.Ordinal);
    private readonly List<ScheduledReport> _reports = [];

    public string RunTag { get; } = runTag;

    public IReadOnlyList<ScheduledReport> Reports => _reports;

    /// <summary>The track id as sent: the run tag keeps tracks of repeated runs apart.</summary>
    public string TrackId(string own) => RunTag.Length == 0 ? own : $"{RunTag}.{own}";

    /// <summary>A report of the target at (arc, offset), moved by the sensor's error (metres east and north).</summary>
    public void Emit(double t, string sensorId, double arcM, double offsetM, (double East, double North) error, double? accuracyM, string objectClass, int? count, string? trackId)
    {
        _sequence.TryGetValue(sensorId, out var n);
        _sequence[sensorId] = ++n;
        var truth = placer.At(arcM, offsetM);

        // The error is applied in metres on the ground, not along the base line, whose frame bends at its vertices.
        var p = new Monitoring.Geo.LonLat(
            truth.Lon + (error.East / (MetresPerDegreeLat * Math.Cos(truth.Lat * Math.PI / 180))),
            truth.Lat + (error.North / MetresPerDegreeLat));
        var id = RunTag.Length == 0 ? $"{sensorId}:{n:000000}" : $"{sensorId}:{RunTag}:{n:000000}";
        var at = TimeSpan.FromSeconds(t);
        _reports.Add(new ScheduledReport(at, new SimulatedReport(id, sensorId, start + at, p.Lon, p.Lat, accuracyM, objectClass, count, trackId)));
    }
}
