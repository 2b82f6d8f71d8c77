namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Reports;
using Monitoring.Simulation.Scenarios;

/// <summary>Turns sensor observations into wire reports with per-sensor sequential report ids.</summary>
public sealed class ReportEmitter(LinePlacer placer, DateTimeOffset start, string runTag)
{
    private readonly Dictionary<string, int> _sequence = new(StringComparer.Ordinal);
    private readonly List<ScheduledReport> _reports = [];

    public string RunTag { get; } = runTag;

    public IReadOnlyList<ScheduledReport> Reports => _reports;

    /// <summary>The track id as sent: the run tag keeps tracks of repeated runs apart.</summary>
    public string TrackId(string own) => RunTag.Length == 0 ? own : $"{RunTag}.{own}";

    public void Emit(double t, string sensorId, double arcM, double offsetM, double? accuracyM, string objectClass, int? count, string? trackId)
    {
        _sequence.TryGetValue(sensorId, out var n);
        _sequence[sensorId] = ++n;
        var p = placer.At(arcM, offsetM);
        var id = RunTag.Length == 0 ? $"{sensorId}:{n:000000}" : $"{sensorId}:{RunTag}:{n:000000}";
        var at = TimeSpan.FromSeconds(t);
        _reports.Add(new ScheduledReport(at, new SimulatedReport(id, sensorId, start + at, p.Lon, p.Lat, accuracyM, objectClass, count, trackId)));
    }
}
