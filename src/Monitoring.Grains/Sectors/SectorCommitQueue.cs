namespace Monitoring.Grains.Sectors;

using System.Diagnostics;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Diagnostics;
using Monitoring.Grains.Storage;

/// <summary>
/// Commits a sector's changes to its log in the order they were decided, and shows each one only after.
/// While a commit is in flight, the changes decided meanwhile wait and then go into one commit together
/// (group commit), so a busy sector is not held to one batch per storage round trip. Their seqs are
/// consecutive, so the merged commit continues the log without a gap.
/// A failed commit fails its changes and every change queued behind it (they were decided on top of it),
/// and the queue stays broken: the grain's working state is ahead of its log, so it must be reloaded.
/// Used only from the grain's own scheduler, so it needs no locks.
/// </summary>
public sealed class SectorCommitQueue(ISectorLog log, string sectorKey, Action onBroken)
{
    private List<SectorChange> _waiting = [];
    private SectorChange? _last;
    private bool _running;
    private Exception? _failure;

    public void ThrowIfBroken()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException($"Sector {sectorKey} lost a commit and is reloading; retry.", _failure);
        }
    }

    /// <summary>Queues a change; the task completes once it is committed and shown.</summary>
    public Task Commit(SectorChange change)
    {
        ThrowIfBroken();
        _waiting.Add(change);
        _last = change;
        if (!_running)
        {
            _running = true;
            _ = RunAsync();
        }

        return change.Shown;
    }

    /// <summary>Completes when every change queued so far is committed and shown.</summary>
    public Task Drained() => _last?.Shown ?? Task.CompletedTask;

    private async Task RunAsync()
    {
        while (_waiting.Count > 0)
        {
            var group = _waiting;
            _waiting = [];
            try
            {
                var started = Stopwatch.GetTimestamp();
                await CommitAsync(group);
                MonitoringMetrics.SectorCommit.Record(MonitoringMetrics.Since(started));
            }
            catch (Exception ex)
            {
                // Broken first, then told: whoever learns of the failure finds the queue broken and the reload under way.
                _failure = ex;
                _running = false;
                onBroken();
                foreach (var change in group.Concat(_waiting))
                {
                    change.Fail(ex);
                }

                _waiting = [];
                return;
            }

            foreach (var change in group)
            {
                await change.ShowAsync();
            }
        }

        _running = false;
    }

    private Task CommitAsync(List<SectorChange> group)
    {
        if (group.Count == 1)
        {
            var only = group[0];
            return only.IsEmpty ? Task.CompletedTask : log.CommitAsync(sectorKey, only.Alerts, only.Tracks, only.RemovedTrackIds);
        }

        // Later changes win for a track; an upsert after a removal (or the reverse) keeps only the last.
        var alerts = new List<Alert>();
        var tracks = new Dictionary<string, TrackState>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in group)
        {
            alerts.AddRange(change.Alerts);
            foreach (var track in change.Tracks)
            {
                tracks[track.TrackId] = track;
                removed.Remove(track.TrackId);
            }

            foreach (var id in change.RemovedTrackIds)
            {
                tracks.Remove(id);
                removed.Add(id);
            }
        }

        return alerts.Count == 0 && tracks.Count == 0 && removed.Count == 0
            ? Task.CompletedTask
            : log.CommitAsync(sectorKey, alerts, tracks.Values.ToArray(), removed.ToArray());
    }
}
