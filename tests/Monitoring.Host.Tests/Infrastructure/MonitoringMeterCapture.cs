namespace Monitoring.Host.Tests.Infrastructure;

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Monitoring.Grains.Diagnostics;

/// <summary>
/// Listens to the "Monitoring" meter as dotnet-counters or an OpenTelemetry exporter would, keeping the largest
/// value and the count seen per instrument. The meter is process-wide, so tests assert what must have been
/// recorded, never that something was not.
/// </summary>
public sealed class MonitoringMeterCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (double Max, long Count)> _seen = new(StringComparer.Ordinal);

    public MonitoringMeterCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MonitoringMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>The largest value recorded on the instrument since the capture started, or null if none was.</summary>
    public double? Max(string instrument) => _seen.TryGetValue(instrument, out var seen) ? seen.Max : null;

    public long Count(string instrument) => _seen.TryGetValue(instrument, out var seen) ? seen.Count : 0;

    public void Dispose() => _listener.Dispose();

    private void Add(string instrument, double value)
        => _seen.AddOrUpdate(instrument, (value, 1), (_, seen) => (Math.Max(seen.Max, value), seen.Count + 1));
}
