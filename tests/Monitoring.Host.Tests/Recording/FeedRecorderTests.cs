namespace Monitoring.Host.Tests.Recording;

using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Reports;
using Monitoring.Host.Configuration;
using Monitoring.Host.Recording;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Storage;
using Monitoring.Simulation.Recording;
using Xunit.Abstractions;

public sealed class FeedRecorderTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Concurrent_appends_round_trip_whole_and_in_order_and_share_flushes()
    {
        await using var recorder = Recorder();
        const int Writers = 32, BatchesEach = 40, Size = 5;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < BatchesEach; b++)
            {
                await recorder.AppendAsync(Batch($"w{w}", b * Size, Size));
            }
        })));

        var reader = new FeedReader(RecordingDirectory(recorder));
        var batches = reader.ReadBatches().ToArray();
        Assert.Equal(Writers * BatchesEach, batches.Length);
        Assert.Equal(0, reader.SkippedRecords);
        foreach (var writer in batches.GroupBy(b => b.Reports[0].SensorId + b.Reports[0].TrackId))
        {
            var ids = writer.SelectMany(b => b.Reports).Select(r => r.ReportId).ToArray();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids); // each writer's batches in the order it appended them
        }

        Assert.Equal(Writers * BatchesEach * Size, recorder.LiveSummary!.ReportCount);
        Assert.True(recorder.GroupCommits < Writers * BatchesEach, $"{recorder.GroupCommits} flushes for {Writers * BatchesEach} appends");
    }

    [Fact]
    public async Task Fields_survive_the_round_trip_exactly()
    {
        await using var recorder = Recorder();
        var report = new SensorReport("eo-07a:ü-1", "eo-07a", new DateTimeOffset(2026, 11, 27, 23, 0, 0, 123, TimeSpan.Zero).AddTicks(4567), 127.123456789, 38.987654321, 4.5, ObjectClass.Animal, 7, "🐗-track");

        await recorder.AppendAsync([report, report with { TrackId = null, Class = ObjectClass.Unknown }]);

        var read = new FeedReader(RecordingDirectory(recorder)).ReadReports().Select(r => r.Report).ToArray();
        Assert.Equal([report, report with { TrackId = null, Class = ObjectClass.Unknown }], read);
    }

    [Fact]
    public async Task Full_segments_are_sealed_as_gzip_with_a_summary_and_read_back_in_order()
    {
        using var meter = new MonitoringMeterCapture();
        var recorder = Recorder(o => o.SegmentMaxBytes = 4096);
        for (var b = 0; b < 60; b++)
        {
            await recorder.AppendAsync(Batch("w", b * 10, 10));
        }

        await recorder.StopAsync(CancellationToken.None);
        await recorder.DisposeAsync();

        var directory = RecordingDirectory(recorder);
        Assert.Empty(Directory.GetFiles(directory, "*.seg"));
        var sealedSegments = Directory.GetFiles(directory, "*.seg.gz");
        Assert.True(sealedSegments.Length > 3);
        Assert.Equal(sealedSegments.Length, Directory.GetFiles(directory, "*.summary.json").Length);
        Assert.True(meter.Count("monitoring.recording.seal.duration") >= sealedSegments.Length); // each seal is timed
        var ids = new FeedReader(directory).ReadReports().Select(r => r.Report.ReportId).ToArray();
        Assert.Equal(Enumerable.Range(0, 600).Select(n => $"w:{n:000000}"), ids);
        Assert.Equal(600, new RecordingCatalog(Recorder()).List().Single().ReportCount);
    }

    [Fact]
    public async Task A_torn_last_record_is_skipped_earlier_ones_are_intact_and_the_next_start_appends_on()
    {
        var first = Recorder();
        for (var b = 0; b < 10; b++)
        {
            await first.AppendAsync(Batch("a", b * 4, 4));
        }

        await first.DisposeAsync(); // no orderly stop: the segment stays open, as after a crash
        var crashed = RecordingDirectory(first);
        var segment = Directory.GetFiles(crashed, "*.seg").Single();
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length - 11); // cut the last record in the middle
        }

        var reader = new FeedReader(crashed);
        Assert.Equal(36, reader.ReadReports().Count());
        Assert.Equal(1, reader.SkippedRecords);

        var second = Recorder();
        await second.StartAsync(CancellationToken.None);
        await second.AppendAsync(Batch("b", 0, 4));
        await second.StopAsync(CancellationToken.None); // also waits for the recovery of the crashed segment

        Assert.Empty(Directory.GetFiles(crashed, "*.seg"));
        var again = new FeedReader(crashed);
        Assert.Equal(Enumerable.Range(0, 36).Select(n => $"a:{n:000000}"), again.ReadReports().Select(r => r.Report.ReportId));
        Assert.Equal(1, again.SkippedRecords);
        Assert.NotEqual(crashed, RecordingDirectory(second));
        Assert.Equal(4, new FeedReader(RecordingDirectory(second)).ReadReports().Count());
        Assert.Equal([36L, 4L], new RecordingCatalog(Recorder()).List().Select(r => r.ReportCount));
    }

    [Fact]
    public async Task A_recorder_that_cannot_write_fails_the_append()
    {
        Directory.CreateDirectory(_data.Path);
        await File.WriteAllTextAsync(Path.Combine(_data.Path, "recordings"), "not a directory");
        await using var recorder = Recorder();

        await Assert.ThrowsAnyAsync<IOException>(() => recorder.AppendAsync(Batch("x", 0, 1)));
        Assert.False(await recorder.TryAppendAsync(Batch("x", 1, 1)));
    }

    [Fact]
    public async Task Disabled_it_writes_nothing()
    {
        await using var recorder = Recorder(o => o.Enabled = false);

        await recorder.AppendAsync(Batch("x", 0, 3));

        Assert.False(Directory.Exists(recorder.Root));
        Assert.Null(recorder.LiveSummary);
    }

    [Fact]
    public async Task Throughput_with_group_commit()
    {
        await using var recorder = Recorder();
        const int Writers = 64, Size = 100;
        var watch = Stopwatch.StartNew();
        long appended = 0;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; watch.Elapsed < TimeSpan.FromSeconds(2); b++)
            {
                await recorder.AppendAsync(Batch($"t{w}", b * Size, Size));
                Interlocked.Add(ref appended, Size);
            }
        })));
        watch.Stop();

        var perSecond = appended / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{appended} reports in {watch.Elapsed.TotalSeconds:0.00} s = {perSecond:0} reports/s, {recorder.GroupCommits} fsyncs ({appended / (double)Size / recorder.GroupCommits:0.0} batches per flush)");
        Assert.True(perSecond > 20_000, $"{perSecond:0} reports/s");
    }

    private FeedRecorder Recorder(Action<RecordingOptions>? configure = null)
    {
        var options = new RecordingOptions { HostName = "test" };
        configure?.Invoke(options);
        return new FeedRecorder(Options.Create(options), Options.Create(new MonitoringOptions { DataDirectory = _data.Path }), TimeProvider.System, NullLogger<FeedRecorder>.Instance);
    }

    private static string RecordingDirectory(FeedRecorder recorder) => Path.Combine(recorder.Root, recorder.Name);

    private static SensorReport[] Batch(string prefix, int first, int size)
        => Enumerable.Range(first, size)
            .Select(n => new SensorReport($"{prefix}:{n:000000}", "rdr-10", DateTimeOffset.UtcNow, 127.5, 38.1, 15, ObjectClass.Person, 1, prefix))
            .ToArray();
}
