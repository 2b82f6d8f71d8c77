namespace Monitoring.LoadTests.Tests;

using Monitoring.LoadTests.Cli;
using Monitoring.LoadTests.Measurement;
using Monitoring.LoadTests.Scenarios;
using Monitoring.LoadTests.Workload;

public sealed class MeasurementTests
{
    [Fact]
    public void Histogram_percentiles_are_within_two_percent()
    {
        var histogram = new LatencyHistogram();
        for (var v = 1; v <= 100_000; v++)
        {
            histogram.RecordMicroseconds(v * 10); // 10 µs .. 1 s, uniform
        }

        Assert.InRange(histogram.PercentileMs(0.50)!.Value, 500 * 0.98, 500 * 1.02);
        Assert.InRange(histogram.PercentileMs(0.99)!.Value, 990 * 0.98, 990 * 1.02);
        Assert.Equal(1000, histogram.MaxMs);
        Assert.Null(new LatencyHistogram().PercentileMs(0.5));
    }

    [Fact]
    public void Histogram_buckets_are_monotonic_and_cover_their_values()
    {
        var previous = -1;
        foreach (var v in new long[] { 0, 1, 127, 128, 129, 255, 256, 1000, 65_535, 1_000_000, 3_600_000_000 })
        {
            var index = LatencyHistogram.IndexOf(v);
            Assert.True(index >= previous);
            Assert.True(LatencyHistogram.UpperEdge(index) >= v);
            previous = index;
        }
    }

    [Fact]
    public void Report_ids_carry_their_scheduled_time()
    {
        var id = ReportIds.Format("lt1f2m", 42, 7, 1_234_567);
        Assert.True(ReportIds.TryParseDue(id, "lt1f2m", out var due));
        Assert.Equal(1_234_567, due);
        Assert.False(ReportIds.TryParseDue(id, "other", out _));
        Assert.False(ReportIds.TryParseDue(null, "lt1f2m", out _));
    }

    [Fact]
    public void Seq_ledger_counts_holes_until_they_fill()
    {
        var ledger = new SeqLedger(10);
        ledger.Saw(9);
        ledger.Saw(11);
        ledger.Saw(14);
        Assert.False(ledger.Has(12));
        ledger.Saw(12);
        ledger.Saw(12);
        Assert.True(ledger.Has(12));
        Assert.False(ledger.Has(13));
        Assert.False(ledger.Has(10));
        Assert.Equal(1, ledger.Duplicates);
    }

    [Fact]
    public void Options_need_a_loopback_target_and_parse_durations()
    {
        var options = LoadTestOptions.Parse(["ingest", "--target", "http://127.0.0.1:5000", "--key", "k", "--duration", "90s", "--rate", "5000"]);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Duration);
        Assert.Equal(5000, options.Rate);
        Assert.Equal(TimeSpan.FromMinutes(10), LoadTestOptions.Parse(["soak", "--self-host"]).Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), LoadTestOptions.ParseDuration("500ms"));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["ingest", "--target", "http://example.com", "--key", "k"]));
        Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["nope", "--self-host"]));
    }

    [Fact]
    public void Consoles_take_compact_track_pushes_unless_told_otherwise()
    {
        Assert.Equal("compact", LoadTestOptions.Parse(["consoles", "--self-host"]).TrackFormat);
        Assert.Equal("full", LoadTestOptions.Parse(["consoles", "--self-host", "--track-format", "full"]).TrackFormat);
        var refused = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["consoles", "--self-host", "--track-format", "rows"]));
        Assert.Contains("--track-format", refused.Message);
    }
}
