namespace Monitoring.LoadTests.Tests;

using System.Text.Json;
using Monitoring.LoadTests.Cli;

/// <summary>
/// Each scenario for ~3 s at a low rate against a real host process: the run completes and writes sane
/// outputs. No speed is asserted (CI machines are small and busy); correctness is: no errors, no missing alerts.
/// </summary>
[Collection(LoadHostCollection.Name)]
public sealed class ScenarioRunTests(LoadHostFixture fixture)
{
    [Theory]
    [InlineData("ingest", 0)]
    [InlineData("hot-sector", 0)]
    [InlineData("consoles", 3)]
    [InlineData("soak", 0)]
    [InlineData("replay", 0)]
    public async Task Scenario_runs_and_writes_a_sane_summary(string scenario, int consoles)
    {
        var output = Path.Combine(Path.GetTempPath(), "load-test-" + Guid.NewGuid().ToString("N"));
        // A push the tool's consoles have no handler for makes the SignalR client throw a binding exception per
        // message: CPU the generator takes from the host it measures, on a machine they share.
        var bindingFailures = 0;
        void CountBindingFailure(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is InvalidDataException && e.Exception.Source?.Contains("SignalR", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref bindingFailures);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += CountBindingFailure;
        try
        {
            var code = await LoadTestApp.RunAsync(
            [
                scenario, "--target", fixture.Host.BaseAddress.ToString(), "--key", "dev-sensor-key",
                "--rate", "200", "--duration", "3s", "--batch", "20", "--tracks", "400", "--consoles", consoles.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--crossing-share", "0.05", "--no-progress", "--out", output,
            ]);

            var summary = ReadSummary(output);
            Assert.True(code == 0, File.ReadAllText(Path.Combine(output, "summary.json")));
            AssertSane(summary, scenario);
            if (consoles > 0)
            {
                Assert.True(summary.GetProperty("alertsReceived").GetInt64() > 0, "the consoles received no alert");
                Assert.True(summary.GetProperty("alertP50Ms").GetDouble() >= 0);
                Assert.True(summary.GetProperty("alertsLogged").GetInt64() > 0);
                // The part after the host decided is measured from the alert's decidedAt: never more than the whole.
                Assert.InRange(summary.GetProperty("alertAfterDecisionP50Ms").GetDouble(), 0, summary.GetProperty("alertP50Ms").GetDouble());
                Assert.InRange(summary.GetProperty("alertAfterDecisionP99Ms").GetDouble(), 0, summary.GetProperty("alertP99Ms").GetDouble());
                Assert.Equal(0, Volatile.Read(ref bindingFailures));
                Assert.Equal("compact", summary.GetProperty("trackFormat").GetString());
            }

            if (scenario == "soak")
            {
                // The soak's operators (on by default) acknowledge due steps, resolve returned tracks, and so close incidents.
                Assert.Equal(4, summary.GetProperty("operators").GetInt32());
                var opened = summary.GetProperty("incidentsOpened").GetInt64();
                var closed = summary.GetProperty("incidentsClosed").GetInt64();
                Assert.True(closed > 0, $"the operators closed no incident ({opened} opened)");
                Assert.InRange(closed, 1, opened);
                Assert.True(summary.GetProperty("operatorAcks").GetInt64() >= closed);
                Assert.Equal(0, summary.GetProperty("operatorAckErrors").GetInt64());
                Assert.True(summary.GetProperty("incidentsOpenAtEnd").GetInt64() >= 0);
                Assert.InRange(summary.GetProperty("ackP50Ms").GetDouble(), 0, summary.GetProperty("ackMaxMs").GetDouble());
            }
            else
            {
                Assert.False(summary.TryGetProperty("operators", out var operators) && operators.ValueKind != JsonValueKind.Null);
            }

            if (scenario == "replay")
            {
                // The host's recording holds this run's reports (and any earlier run's on the shared host): all replayed.
                Assert.Equal("finished", summary.GetProperty("replayState").GetString());
                Assert.True(summary.GetProperty("replayReports").GetInt64() >= summary.GetProperty("reportsAccepted").GetInt64());
                Assert.True(summary.GetProperty("replaySeconds").GetDouble() > 0);
                Assert.True(summary.GetProperty("recordingReportsPerSecond").GetDouble() > 0);
            }

            // Memory comes from the diagnostics endpoint when the host is not the tool's own child.
            Assert.True(summary.GetProperty("peakRssMb").GetDouble() > 0);

            // CPU over the measured part, the host's from its diagnostics (cpuS): cores used, and what a report cost.
            var cores = summary.GetProperty("cores").GetInt32();
            Assert.InRange(summary.GetProperty("hostCpuCores").GetDouble(), 0.0001, cores + 0.5);
            Assert.InRange(summary.GetProperty("generatorCpuCores").GetDouble(), 0.0001, cores + 0.5);
            Assert.True(summary.GetProperty("hostCpuUsPerReport").GetDouble() > 0);
            var csv = File.ReadAllLines(Path.Combine(output, "timeline.csv"));
            Assert.StartsWith("second,sent,accepted,errors,p50Ms,p99Ms", csv[0]);
            Assert.True(csv.Length >= 4, "one row per second");
            var html = File.ReadAllText(Path.Combine(output, "report.html"));
            Assert.Contains("<svg", html);
            Assert.DoesNotContain("<script", html);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= CountBindingFailure;
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_cancelled_run_stops_its_schedule_at_once_even_between_slow_sends()
    {
        // One report every 100 s: cancelled after 2 s, the schedule must not sleep out its interval.
        var output = Path.Combine(Path.GetTempPath(), "load-test-" + Guid.NewGuid().ToString("N"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await LoadTestApp.RunAsync(
            [
                "ingest", "--target", fixture.Host.BaseAddress.ToString(), "--key", "dev-sensor-key",
                "--rate", "0.01", "--batch", "1", "--duration", "1000s", "--tracks", "10", "--no-progress", "--out", output,
            ], cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while reading the last samples: also a stop.
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the run went on for {watch.Elapsed.TotalSeconds:0} s after it was cancelled at 2 s");
    }

    [Fact]
    public async Task Self_host_starts_the_built_host_and_measures_it()
    {
        var output = Path.Combine(Path.GetTempPath(), "load-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var code = await LoadTestApp.RunAsync(
            [
                "ingest", "--self-host", "--host-dll", HostPaths.HostDll,
                "--rate", "200", "--duration", "3s", "--batch", "20", "--tracks", "200", "--no-progress", "--out", output,
            ]);

            var summary = ReadSummary(output);
            Assert.Equal(0, code);
            AssertSane(summary, "ingest");
            Assert.True(summary.GetProperty("selfHosted").GetBoolean());
            Assert.True(summary.GetProperty("hostReadyS").GetDouble() > 0);
            Assert.True(summary.GetProperty("peakRssMb").GetDouble() > 0, "RSS from /proc of the child");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static JsonElement ReadSummary(string output)
    {
        var path = Path.Combine(output, "summary.json");
        Assert.True(File.Exists(path), "summary.json was not written");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    private static void AssertSane(JsonElement s, string scenario)
    {
        foreach (var field in new[] { "scenario", "durationS", "reportsPerSecond", "errors", "acceptP50Ms", "acceptP99Ms", "alertP50Ms", "alertP99Ms", "alertsMissing", "peakRssMb" })
        {
            Assert.True(s.TryGetProperty(field, out _), $"summary.json lacks {field}");
        }

        Assert.Equal(scenario, s.GetProperty("scenario").GetString());
        Assert.Equal(3, s.GetProperty("durationS").GetDouble());
        Assert.Equal(0, s.GetProperty("errors").GetInt64());
        Assert.Equal(0, s.GetProperty("alertsMissing").GetInt64());
        Assert.Equal(s.GetProperty("reportsSent").GetInt64(), s.GetProperty("reportsAccepted").GetInt64());
        Assert.True(s.GetProperty("reportsPerSecond").GetDouble() > 0);
        var p50 = s.GetProperty("acceptP50Ms").GetDouble();
        var p99 = s.GetProperty("acceptP99Ms").GetDouble();
        Assert.InRange(p50, 0, p99);
        Assert.True(s.GetProperty("acceptMaxMs").GetDouble() >= p99);
        // The generator's own lateness is part of every accept latency, never more than it.
        Assert.InRange(s.GetProperty("sendLagP50Ms").GetDouble(), 0, p50);
        Assert.InRange(s.GetProperty("sendLagP99Ms").GetDouble(), 0, p99);
    }
}
