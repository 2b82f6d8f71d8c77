namespace Monitoring.Host.Storage;

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;

/// <summary>
/// A sector log kept in process memory, with the same rules as the durable ones (gap-free seqs, bounded
/// alerts). Used for drills (<see cref="NamespacedSectorLog"/>): a drill is rebuilt from its recording, never
/// from its log, and ends with the host, so writing it to disk would only slow a replay down.
/// </summary>
public sealed class InMemorySectorLog(IOptions<SectorLogOptions> options) : ISectorLog
{
    private readonly int _capacity = SectorLogBatch.ValidCapacity(options.Value.Capacity);
    private readonly ConcurrentDictionary<string, Sector> _sectors = new(StringComparer.Ordinal);

    public Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default)
    {
        if (!_sectors.TryGetValue(sectorKey, out var sector))
        {
            return Task.FromResult(new SectorLogSnapshot(0, [], []));
        }

        lock (sector)
        {
            var tracks = sector.Tracks.Values.OrderBy(t => t.TrackId, StringComparer.Ordinal).ToArray();
            var tail = sector.Alerts.Skip(Math.Max(0, sector.Alerts.Count - tailSize)).ToArray();
            return Task.FromResult(new SectorLogSnapshot(sector.LastSeq, tracks, tail));
        }
    }

    public Task CommitAsync(
        string sectorKey,
        IReadOnlyList<Alert> newAlerts,
        IReadOnlyList<TrackState> changedTracks,
        IReadOnlyList<string> removedTrackIds,
        CancellationToken cancellationToken = default)
    {
        SectorLogBatch.EnsureConsecutive(newAlerts);
        var sector = _sectors.GetOrAdd(sectorKey, static _ => new Sector());
        lock (sector)
        {
            if (newAlerts.Count > 0 && newAlerts[0].Seq != sector.LastSeq + 1)
            {
                throw SectorLogBatch.Gap(sectorKey, sector.LastSeq, newAlerts[0].Seq);
            }

            foreach (var alert in newAlerts)
            {
                sector.Alerts.Add(alert);
            }

            if (sector.Alerts.Count > _capacity)
            {
                sector.Alerts.RemoveRange(0, sector.Alerts.Count - _capacity);
            }

            if (newAlerts.Count > 0)
            {
                sector.LastSeq = newAlerts[^1].Seq;
            }

            foreach (var track in changedTracks)
            {
                sector.Tracks[track.TrackId] = track;
            }

            foreach (var id in removedTrackIds)
            {
                sector.Tracks.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        if (!_sectors.TryGetValue(sectorKey, out var sector))
        {
            return Task.FromResult<IReadOnlyList<Alert>>([]);
        }

        lock (sector)
        {
            // Seqs are consecutive, so the first alert after afterSeq is found by subtraction.
            var first = sector.Alerts.Count == 0 ? 0 : Math.Max(0, afterSeq - sector.Alerts[0].Seq + 1);
            var alerts = first >= sector.Alerts.Count ? [] : sector.Alerts.Skip((int)first).Take(limit).ToArray();
            return Task.FromResult<IReadOnlyList<Alert>>(alerts);
        }
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    private sealed class Sector
    {
        public long LastSeq;
        public readonly List<Alert> Alerts = [];
        public readonly Dictionary<string, TrackState> Tracks = new(StringComparer.Ordinal);
    }
}
