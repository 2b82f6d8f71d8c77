namespace Monitoring.Host.Tests.Ingestion;

using Monitoring.Contracts.Reports;
using Monitoring.Host.Ingestion;

/// <summary>A batch becomes one call per sector, and a sensor's track is never split between two sectors.</summary>
public sealed class SectorBatchesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_in_one_sector_is_one_call_in_the_batch_order()
    {
        var calls = SectorBatches.Split([(4, R("a", 2)), (4, R("b", 1)), (4, R("c", 3))]);

        var (sector, reports) = Assert.Single(calls);
        Assert.Equal(4, sector);
        Assert.Equal(["a", "b", "c"], reports.Select(r => r.ReportId));
    }

    [Fact]
    public void Every_report_of_a_track_goes_to_the_sector_of_its_latest_report()
    {
        var calls = SectorBatches.Split(
        [
            (4, R("t1-late", 9, "t1")),
            (3, R("t1-early", 1, "t1")),
            (3, R("t2", 2, "t2")),
            (5, R("t1-middle", 5, "t1")),
        ]);

        Assert.Equal([3, 4], calls.Select(c => c.SectorIndex));
        Assert.Equal(["t1-late", "t1-early", "t1-middle"], calls[1].Reports.Select(r => r.ReportId));
        Assert.Equal(["t2"], calls[0].Reports.Select(r => r.ReportId));
    }

    [Fact]
    public void On_equal_times_the_later_report_in_the_batch_decides_the_sector()
    {
        var calls = SectorBatches.Split([(3, R("first", 4, "t1")), (4, R("second", 4, "t1"))]);

        var (sector, reports) = Assert.Single(calls);
        Assert.Equal(4, sector);
        Assert.Equal(2, reports.Length);
    }

    [Fact]
    public void Tracks_are_per_sensor_and_reports_without_a_track_stay_in_their_own_sector()
    {
        var calls = SectorBatches.Split(
        [
            (3, R("a1", 1, "t1", sensor: "rdr-03")),
            (4, R("b1", 2, "t1", sensor: "rdr-04")),
            (3, R("loose", 3)),
            (4, R("a2", 4, "t1", sensor: "rdr-03")),
        ]);

        Assert.Equal([3, 4], calls.Select(c => c.SectorIndex));
        Assert.Equal(["loose"], calls[0].Reports.Select(r => r.ReportId));
        Assert.Equal(["a1", "b1", "a2"], calls[1].Reports.Select(r => r.ReportId));
    }

    [Fact]
    public void An_empty_batch_makes_no_call() => Assert.Empty(SectorBatches.Split([]));

    private static SensorReport R(string reportId, int second, string? trackId = null, string sensor = "eo-03a")
        => new(reportId, sensor, T0.AddSeconds(second), 127.0, 38.0, 5, ObjectClass.Person, 1, trackId);
}
