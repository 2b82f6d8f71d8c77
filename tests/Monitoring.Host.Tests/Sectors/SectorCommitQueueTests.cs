namespace Monitoring.Host.Tests.Sectors;

using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Sectors;
using Monitoring.Grains.Storage;
using Monitoring.Host.Storage;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Storage;

/// <summary>
/// The sector's commit queue: changes decided while a commit is in flight go into the next commit
/// together, in decision order, and each is shown only after its commit; a failed commit fails everything
/// queued behind it.
/// </summary>
public sealed class SectorCommitQueueTests
{
    private const string Sector = "S12";

    [Fact]
    public async Task Changes_queued_behind_a_commit_in_flight_are_committed_together_in_order_and_shown_after()
    {
        var log = new HeldSectorLog();
        var shown = new List<long>();
        var broken = false;
        var queue = new SectorCommitQueue(log, Sector, () => broken = true);

        var first = queue.Commit(ChangeWith(1, shown));
        var second = queue.Commit(ChangeWith(2, shown));
        var third = queue.Commit(ChangeWith(3, shown));
        Assert.Equal(1, log.Calls); // the first is in flight, the others wait for it
        Assert.Empty(shown);

        log.ReleaseOne();
        await first;
        await Poll.UntilAsync(() => log.Calls == 2, TimeSpan.FromSeconds(10), () => $"{log.Calls} commits, not 2");
        Assert.Equal([1], shown);
        Assert.False(second.IsCompleted);

        log.ReleaseOne();
        await Task.WhenAll(second, third);
        Assert.Equal([1, 2, 3], shown);
        Assert.Equal(2, log.Calls); // 2 and 3 in one commit
        Assert.Equal([1, 2, 3], (await log.Inner.ReadAlertsAsync(Sector, 0, 10)).Select(a => a.Seq));
        Assert.False(broken);
    }

    [Fact]
    public async Task A_failed_commit_fails_its_changes_and_those_behind_it_and_the_queue_stays_broken()
    {
        var log = new HeldSectorLog();
        var shown = new List<long>();
        var broken = 0;
        var queue = new SectorCommitQueue(log, Sector, () => broken++);

        var first = queue.Commit(ChangeWith(1, shown));
        var behind = queue.Commit(ChangeWith(2, shown));
        log.FailOne(new IOException("disk"));

        await Assert.ThrowsAsync<IOException>(() => first);
        await Assert.ThrowsAsync<IOException>(() => behind);
        Assert.Empty(shown);
        Assert.Equal(1, broken);
        Assert.Throws<InvalidOperationException>(() => { _ = queue.Commit(ChangeWith(3, shown)); });
        Assert.Empty(await log.Inner.ReadAlertsAsync(Sector, 0, 10));
    }

    [Fact]
    public async Task Merged_changes_keep_the_last_word_on_a_track_removed_and_upserted_again()
    {
        var log = new HeldSectorLog();
        var queue = new SectorCommitQueue(log, Sector, () => { });
        var track = SectorLogSamples.Track("T1");

        var first = queue.Commit(new SectorChange { Tracks = [track] });
        var removed = queue.Commit(new SectorChange { RemovedTrackIds = ["T1"] });
        var back = queue.Commit(new SectorChange { Tracks = [track with { DepthM = 99 }] });
        var gone = queue.Commit(new SectorChange { Tracks = [SectorLogSamples.Track("T2")] });
        var goneAgain = queue.Commit(new SectorChange { RemovedTrackIds = ["T2"] });
        log.ReleaseOne();
        await first;
        await Poll.UntilAsync(() => log.Calls == 2, TimeSpan.FromSeconds(10), () => $"{log.Calls} commits, not 2");
        log.ReleaseOne();
        await Task.WhenAll(removed, back, gone, goneAgain);

        var tracks = (await log.Inner.LoadAsync(Sector, 10)).Tracks;
        Assert.Equal(99, Assert.Single(tracks).DepthM);
    }

    private static SectorChange ChangeWith(long seq, List<long> shown) => new()
    {
        Alerts = [SectorLogSamples.AlertAt(seq)],
        Show = () =>
        {
            shown.Add(seq);
            return Task.CompletedTask;
        },
    };

    /// <summary>A real in-memory log whose commits finish only when the test lets them.</summary>
    private sealed class HeldSectorLog : ISectorLog
    {
        private readonly Queue<TaskCompletionSource> _held = new();

        public InMemorySectorLog Inner { get; } = new(Options.Create(new SectorLogOptions()));

        public int Calls { get; private set; }

        public void ReleaseOne()
        {
            lock (_held)
            {
                _held.Dequeue().SetResult();
            }
        }

        public void FailOne(Exception reason)
        {
            lock (_held)
            {
                _held.Dequeue().SetException(reason);
            }
        }

        public async Task CommitAsync(string sectorKey, IReadOnlyList<Alert> newAlerts, IReadOnlyList<TrackState> changedTracks, IReadOnlyList<string> removedTrackIds, CancellationToken cancellationToken = default)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_held)
            {
                Calls++;
                _held.Enqueue(gate);
            }

            await gate.Task;
            await Inner.CommitAsync(sectorKey, newAlerts, changedTracks, removedTrackIds, cancellationToken);
        }

        public Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default)
            => Inner.LoadAsync(sectorKey, tailSize, cancellationToken);

        public Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default)
            => Inner.ReadAlertsAsync(sectorKey, afterSeq, limit, cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
    }
}
