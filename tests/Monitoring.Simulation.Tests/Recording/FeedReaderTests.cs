namespace Monitoring.Simulation.Tests.Recording;

using Monitoring.Simulation.Recording;
using Monitoring.Simulation.Tests.Support;

public sealed class FeedReaderTests : IDisposable
{
    private readonly string _dir = Segments.NewDirectory();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Round_trip_keeps_every_field_and_the_order()
    {
        Segments.WriteOpen(_dir, "h", 1, Segments.Records(5, 3));
        var reader = new FeedReader(_dir);

        var reports = reader.ReadReports().ToArray();

        Assert.Equal(15, reports.Length);
        Assert.Equal(Enumerable.Range(1, 15).Select(n => Segments.Report(n)), reports.Select(r => r.Report));
        Assert.Equal(Segments.T0.AddSeconds(4), reports[^1].RecordedAt);
        Assert.Equal(0, reader.SkippedRecords);
    }

    [Fact]
    public void A_torn_last_record_is_skipped_and_counted_and_earlier_records_are_intact()
    {
        var path = Segments.WriteOpen(_dir, "h", 1, Segments.Records(4, 10));
        var full = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(full - 37); // mid-record
        }

        var reader = new FeedReader(_dir);
        var reports = reader.ReadReports().ToArray();

        Assert.Equal(30, reports.Length);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => Segments.Report(n)), reports.Select(r => r.Report));
        Assert.Equal(1, reader.SkippedRecords);
    }

    [Theory]
    [InlineData(3)]   // inside a header
    [InlineData(8)]   // the CRC
    [InlineData(40)]  // the payload
    public void A_corrupt_record_in_the_middle_is_skipped_and_reading_resumes_after_it(int byteInRecord)
    {
        var records = Segments.Records(5, 4);
        records[2] = (byte[])records[2].Clone();
        records[2][byteInRecord] ^= 0x5A;
        Segments.WriteOpen(_dir, "h", 1, records);

        var reader = new FeedReader(_dir);
        var ids = reader.ReadReports().Select(r => r.Report.ReportId).ToArray();

        Assert.Equal(16, ids.Length);
        Assert.DoesNotContain("rdr-10:000009", ids);
        Assert.Contains("rdr-10:000020", ids);
        Assert.Equal(1, reader.SkippedRecords);
    }

    [Fact]
    public void Appends_after_a_torn_record_are_still_read()
    {
        // A write that failed half-way (disk full), then later appends to the same file.
        var first = Segments.Records(2, 5);
        var torn = Segments.Records(3, 5)[2][..20];
        var later = Segments.Records(2, 5, "rdr-11", recordedOffsetS: 10);
        Segments.WriteOpen(_dir, "h", 1, first.Append(torn).Concat(later));

        var reader = new FeedReader(_dir);
        var reports = reader.ReadReports().ToArray();

        Assert.Equal(20, reports.Length);
        Assert.Equal(10, reports.Count(r => r.Report.SensorId == "rdr-11"));
        Assert.Equal(1, reader.SkippedRecords);
    }

    [Fact]
    public void Sealed_gzip_segments_and_open_ones_read_alike_in_index_order()
    {
        var records = Segments.Records(6, 2);
        Segments.WriteSealed(_dir, "h", 1, records[..3]);
        Segments.WriteOpen(_dir, "h", 2, records[3..]);

        var reports = new FeedReader(_dir).ReadReports().ToArray();

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"rdr-10:{n:000000}"), reports.Select(r => r.Report.ReportId));
    }

    [Fact]
    public void A_sealed_copy_wins_over_a_leftover_open_file_of_the_same_segment()
    {
        var records = Segments.Records(3, 2);
        Segments.WriteSealed(_dir, "h", 1, records);
        Segments.WriteOpen(_dir, "h", 1, records);

        Assert.Equal(6, new FeedReader(_dir).ReadReports().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_segment_sealed_after_it_was_listed_is_read_whole_from_its_sealed_file(bool openFileGone)
    {
        // A replay lists the segments when it starts and reads each one when it gets there; meanwhile the host
        // seals the open one: the sealed file is complete, then the open one is shortened in steps and deleted.
        var records = Segments.Records(6, 2);
        Segments.WriteOpen(_dir, "h", 1, records[..3]);
        var open = Segments.WriteOpen(_dir, "h", 2, records[3..]);
        var reader = new FeedReader(_dir);
        using var batches = reader.ReadBatches().GetEnumerator();
        Assert.True(batches.MoveNext()); // listed, and segment 1 read

        Segments.WriteSealed(_dir, "h", 2, records[3..]);
        if (openFileGone)
        {
            File.Delete(open);
        }
        else
        {
            using var file = new FileStream(open, FileMode.Open, FileAccess.Write);
            file.SetLength(file.Length / 2);
        }

        var read = new List<RecordedBatch> { batches.Current };
        while (batches.MoveNext())
        {
            read.Add(batches.Current);
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"rdr-10:{n:000000}"), read.SelectMany(b => b.Reports).Select(r => r.ReportId));
        Assert.Equal(0, reader.SkippedRecords);
    }

    [Fact]
    public void Hosts_are_merged_by_acceptance_time()
    {
        Segments.WriteOpen(_dir, "host-a", 1, Segments.Records(3, 1, "rdr-10", recordedOffsetS: 0));  // at 0, 1, 2 s
        Segments.WriteOpen(_dir, "host-b", 1, Segments.Records(3, 1, "rdr-20", recordedOffsetS: 1));  // at 1, 2, 3 s

        var batches = new FeedReader(_dir).ReadBatches().ToArray();

        Assert.Equal(batches.Select(b => b.RecordedAt).Order(), batches.Select(b => b.RecordedAt));
        Assert.Equal(["host-a", "host-a", "host-b", "host-a", "host-b", "host-b"], batches.Select(b => b.Host));
    }

    [Fact]
    public void Garbage_files_and_temporaries_are_not_segments()
    {
        Segments.WriteOpen(_dir, "h", 1, Segments.Records(1, 1));
        File.WriteAllText(Path.Combine(_dir, "h-000002.seg.gz.tmp"), "half a seal");
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "x");

        var reader = new FeedReader(_dir);

        Assert.Single(reader.ReadReports());
        Assert.Equal(0, reader.SkippedRecords);
    }

    [Fact]
    public void A_summary_scan_counts_reports_span_and_damage()
    {
        var path = Segments.WriteOpen(_dir, "h", 1, Segments.Records(4, 3));
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 5);
        }

        SegmentName.TryParse(path, out var segment);
        var summary = FeedSummary.Scan(segment);

        Assert.Equal((9L, 3L, 1), (summary.ReportCount, summary.Records, summary.Skipped));
        Assert.Equal((Segments.T0, Segments.T0.AddSeconds(2)), (summary.From!.Value, summary.To!.Value));
    }
}
