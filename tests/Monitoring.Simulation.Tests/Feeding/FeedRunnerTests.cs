namespace Monitoring.Simulation.Tests.Feeding;

using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Simulation.Feeding;
using Monitoring.Simulation.Reports;
using Monitoring.Simulation.Scenarios;
using Monitoring.Simulation.Tests.Support;

public sealed class FeedRunnerTests
{
    [Fact]
    public async Task Plays_every_report_in_order_never_ahead_of_the_clock_and_heartbeats_all_but_the_silent()
    {
        // A fake clock driven by the test: the sink sees exactly the time the runner decided on.
        var scenario = Built.Scenario(SilentSensor.Name);
        var clock = new FakeTimeProvider(DefaultMdl.Start);
        var sink = new RecordingSink(clock);
        var runner = new FeedRunner(sink, clock, new FeedRunOptions { Tick = TimeSpan.FromSeconds(1), HeartbeatInterval = TimeSpan.FromSeconds(20) });

        var run = runner.RunAsync([scenario], CancellationToken.None);
        for (var i = 0; i < 10_000 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        var stats = await run;
        Assert.Equal(scenario.Reports.Count, stats.Reports);
        Assert.Equal(scenario.Reports.Select(r => r.Report.ReportId), sink.Reports.Select(r => r.Report.ReportId));
        Assert.All(sink.Reports, r => Assert.True(r.Report.ObservedAt <= r.SentAt));
        Assert.Equal(0, stats.FailedBatches);
        var silent = sink.Heartbeats.Where(h => h.SensorId == "seis-35b").Select(h => h.ScenarioSeconds).ToArray();
        Assert.DoesNotContain(silent, t => t >= 30 && t < 210);
        Assert.Contains(silent, t => t < 30);
        Assert.Contains(silent, t => t >= 210);
        Assert.Contains(sink.Heartbeats, h => h.SensorId == "rdr-35" && h.ScenarioSeconds is > 60 and < 200);
    }

    [Fact]
    public async Task Stops_after_the_wall_clock_duration()
    {
        var sink = new RecordingSink(TimeProvider.System);
        var runner = new FeedRunner(sink, TimeProvider.System, new FeedRunOptions { Duration = TimeSpan.FromMilliseconds(300), Tick = TimeSpan.FromMilliseconds(20) });

        var stats = await runner.RunAsync([Built.Scenario(QuietNight.Name)], CancellationToken.None);

        Assert.True(stats.Reports < Built.Scenario(QuietNight.Name).Reports.Count);
    }

    [Fact]
    public async Task A_failing_sink_is_counted_and_the_run_goes_on()
    {
        var errors = new ConcurrentBag<Exception>();
        var runner = new FeedRunner(new FailingSink(), TimeProvider.System, new FeedRunOptions { Rate = 600, Tick = TimeSpan.FromMilliseconds(10) }, errors.Add);

        var stats = await runner.RunAsync([Built.Scenario(QuietNight.Name)], CancellationToken.None);

        Assert.Equal(0, stats.Reports);
        Assert.True(stats.FailedBatches > 0);
        Assert.Equal(stats.FailedBatches + stats.FailedHeartbeats, errors.Count);
    }

    private sealed class RecordingSink(TimeProvider clock) : IFeedSink
    {
        private readonly DateTimeOffset _start = clock.GetUtcNow();

        public List<(SimulatedReport Report, DateTimeOffset SentAt)> Reports { get; } = [];

        public List<(string SensorId, double ScenarioSeconds)> Heartbeats { get; } = [];

        public Task SendReportsAsync(IReadOnlyList<SimulatedReport> reports, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            Reports.AddRange(reports.Select(r => (r, now)));
            return Task.CompletedTask;
        }

        public Task SendHeartbeatAsync(string sensorId, CancellationToken cancellationToken)
        {
            Heartbeats.Add((sensorId, (clock.GetUtcNow() - _start).TotalSeconds));
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSink : IFeedSink
    {
        public Task SendReportsAsync(IReadOnlyList<SimulatedReport> reports, CancellationToken cancellationToken) => throw new HttpRequestException("down");

        public Task SendHeartbeatAsync(string sensorId, CancellationToken cancellationToken) => throw new HttpRequestException("down");
    }
}
