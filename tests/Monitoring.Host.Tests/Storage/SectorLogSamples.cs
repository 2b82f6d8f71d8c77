using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;

namespace Monitoring.Host.Tests.Storage;

/// <summary>Alerts and tracks with every field set, so a round trip that drops one shows up as inequality.</summary>
internal static class SectorLogSamples
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(9));

    public static Alert AlertAt(long seq, string sectorId = "S12") => new()
    {
        AlertId = $"alert-{seq}",
        SectorId = sectorId,
        Seq = seq,
        Kind = "crossing",
        Severity = "critical",
        Class = "person",
        TrackId = "T1",
        ReportId = $"report-{seq}",
        Lon = 127.0123456789,
        Lat = 38.0987654321,
        DepthM = 12.5,
        ObservedAt = Start.AddTicks(seq * 1_234_567),
        DecidedAt = Start.AddTicks((seq * 1_234_567) + 1),
        MdlVersion = 3,
        Policy = "strict",
        IncidentId = "incident-1",
        DrillId = null,
    };

    public static Alert[] AlertRange(long first, long last, string sectorId = "S12")
        => [.. Enumerable.Range(0, (int)(last - first + 1)).Select(i => AlertAt(first + i, sectorId))];

    public static TrackState Track(string trackId, double lon = 127.01, string verdict = "approaching") => new()
    {
        TrackId = trackId,
        SectorId = "S12",
        Class = ObjectClass.Vehicle,
        Lon = lon,
        Lat = 38.1,
        ObservedAt = Start,
        Verdict = verdict,
        DepthM = -40.25,
        IncidentId = null,
        SensorId = "radar-2",
        Count = 4,
        LastReportId = "report-9",
        MdlVersion = 3,
    };
}
