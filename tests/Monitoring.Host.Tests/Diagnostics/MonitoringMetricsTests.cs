namespace Monitoring.Host.Tests.Diagnostics;

using System.Net;
using Monitoring.Host.Tests.Ingestion;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// An operator finds where a report's time went (recording, sector, storage, push) on the "Monitoring" meter,
/// with dotnet-counters or an OpenTelemetry exporter.
/// </summary>
public sealed class MonitoringMetricsTests(IngestionHost host) : IClassFixture<IngestionHost>
{
    [Fact]
    public async Task A_crossing_is_timed_at_each_stage_between_its_post_and_its_alert()
    {
        using var meter = new MonitoringMeterCapture();

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
            var seconds = meter.Max(name);
            Assert.True(seconds is not null, $"{name} was not recorded");
            Assert.InRange(seconds.Value, 0, 60); // seconds, as OpenTelemetry's conventions have durations
        }

        Assert.True(meter.Max("monitoring.storage.transaction.writes") >= 1);

        // The push runs after the 202 (the alert pump), so it is waited for.
        var push = await Poll.ForAsync(() => meter.Max("monitoring.alert.push.duration"), TimeSpan.FromSeconds(10), () => "monitoring.alert.push.duration was not recorded");
        Assert.InRange(push, 0, 60);
    }
}
