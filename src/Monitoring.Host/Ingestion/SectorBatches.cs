namespace Monitoring.Host.Ingestion;

using Monitoring.Contracts.Reports;

/// <summary>
/// Splits a batch into one grain call per sector. Every report of a sensor's own track goes to the sector of
/// the track's latest report in the batch (domain.md "Tracks": a track belongs to the sector of its latest
/// report). That sector takes the track over from its neighbour first and then decides all of its reports in
/// order. Split by each report's own position, a track that crossed a boundary within one batch went to two
/// sector grains at once, and both could end up holding it, each raising its own alert and incident.
/// Reports without a track id are associated by position within a sector, so they stay with their own sector.
/// </summary>
public static class SectorBatches
{
    public static List<(int SectorIndex, SensorReport[] Reports)> Split(IReadOnlyList<(int SectorIndex, SensorReport Report)> located)
    {
        if (located.Count == 0)
        {
            return [];
        }

        // A sensor's batch usually lies in one sector: then it is one call, without grouping.
        var first = located[0].SectorIndex;
        var oneSector = true;
        for (var i = 1; i < located.Count && oneSector; i++)
        {
            oneSector = located[i].SectorIndex == first;
        }

        if (oneSector)
        {
            var all = new SensorReport[located.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = located[i].Report;
            }

            return [(first, all)];
        }

        // The sector of each sensor track's latest report; on equal times the later one in the batch, as the
        // sector grain's stable sort by observedAt also takes it last.
        var latest = new Dictionary<(string SensorId, string TrackId), (DateTimeOffset At, int SectorIndex)>();
        foreach (var (sectorIndex, report) in located)
        {
            if (report.TrackId is { } trackId
                && (!latest.TryGetValue((report.SensorId, trackId), out var seen) || report.ObservedAt >= seen.At))
            {
                latest[(report.SensorId, trackId)] = (report.ObservedAt, sectorIndex);
            }
        }

        var bySector = new SortedDictionary<int, List<SensorReport>>();
        foreach (var (sectorIndex, report) in located)
        {
            var target = report.TrackId is { } trackId ? latest[(report.SensorId, trackId)].SectorIndex : sectorIndex;
            if (!bySector.TryGetValue(target, out var list))
            {
                bySector[target] = list = [];
            }

            list.Add(report);
        }

        return bySector.Select(kv => (kv.Key, kv.Value.ToArray())).ToList();
    }
}
