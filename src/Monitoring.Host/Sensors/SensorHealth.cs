namespace Monitoring.Host.Sensors;

using System.Collections.Frozen;
using Monitoring.Contracts.Reports;
using Monitoring.Grains.Sensors;

/// <summary>
/// Per-silo sensor liveness. Every accepted report and every heartbeat counts as a sign of life;
/// <see cref="SensorHealthMonitor"/> turns silence into sensor-offline alerts.
/// </summary>
public sealed class SensorHealth
{
    public const string Online = "online", Offline = "offline", Unknown = "unknown";
    private readonly FrozenDictionary<string, SensorPulse> _pulses;
    private readonly TimeProvider _clock;

    public SensorHealth(SensorCatalog catalog, TimeProvider clock)
    {
        _clock = clock;
        _pulses = catalog.All.ToFrozenDictionary(s => s.Id, s => new SensorPulse(s), StringComparer.Ordinal);
    }

    internal IEnumerable<SensorPulse> Pulses => _pulses.Values;

    /// <summary>Accepted reports are heartbeats of their sensors.</summary>
    public void Heard(IReadOnlyList<SensorReport> reports)
    {
        var now = _clock.GetUtcNow().UtcTicks;
        string? previous = null;
        foreach (var report in reports)
        {
            if (!ReferenceEquals(report.SensorId, previous) && _pulses.TryGetValue(report.SensorId, out var pulse))
            {
                pulse.Beat(now);
            }

            previous = report.SensorId;
        }
    }

    /// <summary>An explicit heartbeat; false for a sensor not in the catalogue.</summary>
    public bool Beat(string sensorId)
    {
        if (!_pulses.TryGetValue(sensorId, out var pulse))
        {
            return false;
        }

        pulse.Beat(_clock.GetUtcNow().UtcTicks);
        return true;
    }

    public (DateTimeOffset? LastHeartbeatAt, string Health) Of(string sensorId)
        => _pulses.TryGetValue(sensorId, out var pulse) ? (pulse.LastHeardAt, WireName(pulse.State)) : (null, Unknown);

    internal static string WireName(int state) => state switch
    {
        SensorPulse.Online => Online,
        SensorPulse.Offline => Offline,
        _ => Unknown,
    };
}
