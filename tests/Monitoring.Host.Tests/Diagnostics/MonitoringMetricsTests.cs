namespace Monitoring.Host.Tests.Diagnostics;

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Monitoring.Grains.Diagnostics;
using Monitoring.Host.Tests.Ingestion;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// An operator finds where a report's time went (recording, sector, storage) on the "Monitoring" meter,
/// with dotnet-counters or an OpenTelemetry exporter.
/// </summary>
public sealed class MonitoringMetricsTests(IngestionHost host) : IClassFixture<IngestionHost>
{
    [Fact]
    public async Task A_crossing_is_timed_at_each_stage_between_its_post_and_its_alert()
    {
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MonitoringMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, max) => Math.Max(max, value)));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, max) => Math.Max(max, value)));
        listener.Start();

        var response = await host.PostAsync(Reports.Batch(host.Crossing("S12")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        foreach (var name in new[]
        {
            "monitoring.recording.append.duration",
            "monitoring.sector.ingest.duration",
            "monitoring.sector.commit.duration",
            "monitoring.storage.transaction.duration",
        })
        {
            Assert.True(seen.TryGetValue(name, out var seconds), $"{name} was not recorded");
            Assert.InRange(seconds, 0, 60); // seconds, as OpenTelemetry's conventions have durations
        }

        Assert.True(seen.TryGetValue("monitoring.storage.transaction.writes", out var writes) && writes >= 1);
    }
}
