using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;
using static Monitoring.Host.Tests.Storage.SectorLogSamples;

namespace Monitoring.Host.Tests.Storage;

/// <summary>
/// What every <see cref="ISectorLog"/> must do; each store's test class derives from it.
/// xunit makes a new instance per test, so each test starts from an empty store.
/// </summary>
public abstract class SectorLogContract : IAsyncLifetime
{
    private const string Sector = "S12";

    /// <summary>A log on the store; after <see cref="RestartAsync"/>, a new one on the same data.</summary>
    protected abstract ISectorLog Open(int capacity = 1_000);

    /// <summary>Drops every open log and connection, as a host restart would.</summary>
    protected abstract Task RestartAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    [Fact]
    public async Task An_empty_sector_loads_as_seq_zero_with_nothing()
    {
        var snapshot = await Open().LoadAsync(Sector, tailSize: 10);

        Assert.Equal(0, snapshot.LastSeq);
        Assert.Empty(snapshot.Tracks);
        Assert.Empty(snapshot.RecentAlerts);
        Assert.Empty(await Open().ReadAlertsAsync(Sector, 0, 10));
    }

    [Fact]
    public async Task A_commit_round_trips_alerts_and_tracks()
    {
        var log = Open();
        var alerts = AlertRange(1, 3);
        TrackState[] tracks = [Track("T2"), Track("T1")];

        await log.CommitAsync(Sector, alerts, tracks, []);
        var snapshot = await log.LoadAsync(Sector, tailSize: 10);

        Assert.Equal(3, snapshot.LastSeq);
        Assert.Equal(alerts, snapshot.RecentAlerts);
        Assert.Equal(tracks.OrderBy(t => t.TrackId, StringComparer.Ordinal), snapshot.Tracks);
    }

    [Fact]
    public async Task Load_returns_the_newest_alerts_oldest_first()
    {
        var log = Open();
        await log.CommitAsync(Sector, AlertRange(1, 4), [], []);
        await log.CommitAsync(Sector, AlertRange(5, 7), [], []);

        var snapshot = await log.LoadAsync(Sector, tailSize: 3);

        Assert.Equal(7, snapshot.LastSeq);
        Assert.Equal([5L, 6L, 7L], snapshot.RecentAlerts.Select(a => a.Seq));
        Assert.Empty((await log.LoadAsync(Sector, tailSize: 0)).RecentAlerts);
    }

    [Fact]
    public async Task ReadAlerts_pages_after_a_seq()
    {
        var log = Open();
        await log.CommitAsync(Sector, AlertRange(1, 10), [], []);

        Assert.Equal([4L, 5L, 6L], (await log.ReadAlertsAsync(Sector, afterSeq: 3, limit: 3)).Select(a => a.Seq));
        Assert.Equal([9L, 10L], (await log.ReadAlertsAsync(Sector, afterSeq: 8, limit: 100)).Select(a => a.Seq));
        Assert.Empty(await log.ReadAlertsAsync(Sector, afterSeq: 10, limit: 100));
        Assert.Equal(AlertAt(1), (await log.ReadAlertsAsync(Sector, afterSeq: 0, limit: 1)).Single());
    }

    [Fact]
    public async Task Tracks_are_upserted_and_removed()
    {
        var log = Open();
        await log.CommitAsync(Sector, [], [Track("T1"), Track("T2"), Track("T3")], []);

        await log.CommitAsync(Sector, AlertRange(1, 1), [Track("T1", lon: 127.5, verdict: "crossed")], ["T2", "missing"]);

        var snapshot = await log.LoadAsync(Sector, tailSize: 10);
        Assert.Equal([Track("T1", lon: 127.5, verdict: "crossed"), Track("T3")], snapshot.Tracks);
        Assert.Equal(1, snapshot.LastSeq);
    }

    [Theory]
    [InlineData(5)] // a gap
    [InlineData(3)] // a repeat
    [InlineData(1)] // a restart from scratch
    public async Task A_commit_that_does_not_continue_the_log_is_rejected_and_changes_nothing(long firstSeq)
    {
        var log = Open();
        await log.CommitAsync(Sector, AlertRange(1, 3), [Track("T1")], []);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            log.CommitAsync(Sector, AlertRange(firstSeq, firstSeq + 1), [Track("T9")], ["T1"]));

        var snapshot = await log.LoadAsync(Sector, tailSize: 10);
        Assert.Equal(3, snapshot.LastSeq);
        Assert.Equal([Track("T1")], snapshot.Tracks);
        Assert.Equal(AlertRange(1, 3), snapshot.RecentAlerts);
    }

    [Fact]
    public async Task The_first_commit_must_start_at_seq_one()
    {
        var log = Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => log.CommitAsync(Sector, AlertRange(2, 3), [Track("T1")], []));

        var snapshot = await log.LoadAsync(Sector, tailSize: 10);
        Assert.Equal(0, snapshot.LastSeq);
        Assert.Empty(snapshot.Tracks);
    }

    [Fact]
    public async Task A_batch_with_a_gap_inside_is_rejected()
    {
        var log = Open();

        await Assert.ThrowsAsync<ArgumentException>(() => log.CommitAsync(Sector, [AlertAt(1), AlertAt(3)], [], []));

        Assert.Equal(0, (await log.LoadAsync(Sector, 10)).LastSeq);
    }

    [Fact]
    public async Task The_oldest_alerts_beyond_capacity_are_dropped_but_seq_continues()
    {
        var log = Open(capacity: 5);
        await log.CommitAsync(Sector, AlertRange(1, 3), [], []);
        await log.CommitAsync(Sector, AlertRange(4, 8), [], []);

        var snapshot = await log.LoadAsync(Sector, tailSize: 100);
        Assert.Equal(8, snapshot.LastSeq);
        Assert.Equal([4L, 5L, 6L, 7L, 8L], snapshot.RecentAlerts.Select(a => a.Seq));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], (await log.ReadAlertsAsync(Sector, 0, 100)).Select(a => a.Seq));

        await log.CommitAsync(Sector, AlertRange(9, 20), [], []);
        Assert.Equal([16L, 17L, 18L, 19L, 20L], (await log.ReadAlertsAsync(Sector, 0, 100)).Select(a => a.Seq));
    }

    [Fact]
    public async Task Sectors_and_namespaces_are_separate()
    {
        var log = Open();
        await log.CommitAsync("S1", AlertRange(1, 2, "S1"), [Track("T1")], []);
        await log.CommitAsync("drill-7/S1", AlertRange(1, 1, "S1"), [], []);

        Assert.Equal(2, (await log.LoadAsync("S1", 10)).LastSeq);
        Assert.Equal(1, (await log.LoadAsync("drill-7/S1", 10)).LastSeq);
        Assert.Empty((await log.LoadAsync("drill-7/S1", 10)).Tracks);
        Assert.Equal(0, (await log.LoadAsync("S2", 10)).LastSeq);
    }

    [Fact]
    public async Task The_log_survives_a_restart()
    {
        var before = Open();
        await before.CommitAsync(Sector, AlertRange(1, 5), [Track("T1")], []);

        await RestartAsync();
        var after = Open();

        var snapshot = await after.LoadAsync(Sector, tailSize: 2);
        Assert.Equal(5, snapshot.LastSeq);
        Assert.Equal([Track("T1")], snapshot.Tracks);
        Assert.Equal(AlertRange(4, 5), snapshot.RecentAlerts);
        await after.CommitAsync(Sector, AlertRange(6, 6), [], []);
        await Assert.ThrowsAsync<InvalidOperationException>(() => after.CommitAsync(Sector, AlertRange(6, 6), [], []));
    }

    [Fact]
    public async Task Ping_answers_true()
    {
        Assert.True(await Open().PingAsync());
    }

    [Fact]
    public async Task Concurrent_commits_to_one_sector_never_leave_a_gap()
    {
        var log = Open();
        var next = 0L;
        var failures = 0;

        // Writers race for the next seq; the store must accept each seq exactly once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var seq = Interlocked.Read(ref next) + 1;
                try
                {
                    await log.CommitAsync(Sector, [AlertAt(seq)], [], []);
                    Interlocked.CompareExchange(ref next, seq, seq - 1);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        var stored = await log.ReadAlertsAsync(Sector, 0, 1_000);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(a => a.Seq));
        Assert.Equal(100, stored.Count + failures);
    }
}
