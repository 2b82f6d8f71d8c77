using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Sectors;
using Monitoring.Host.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using static Monitoring.Host.Tests.Storage.SectorLogSamples;

namespace Monitoring.Host.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "sector";
    private static readonly GrainId Grain = GrainId.Create("sector", "S12");
    private static readonly IGrainStorageSerializer Serializer = new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private readonly TemporaryDirectory _directory = new();
    private readonly List<SqliteDatabase> _databases = [];

    [Fact]
    public async Task Reading_a_missing_record_reports_no_record()
    {
        var state = new GrainState<TrackState>();

        await Open().ReadStateAsync(StateName, Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var storage = Open();
        var written = new GrainState<TrackState> { State = Track("T1") };

        await storage.WriteStateAsync(StateName, Grain, written);
        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync(StateName, Grain, read);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(Track("T1"), read.State);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_a_conflict()
    {
        var storage = Open();
        var first = new GrainState<TrackState> { State = Track("T1") };
        await storage.WriteStateAsync(StateName, Grain, first);
        var stale = new GrainState<TrackState> { State = Track("T1", verdict: "crossed"), ETag = first.ETag };
        await storage.WriteStateAsync(StateName, Grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, stale));
        // Writing "as new" over an existing record is a conflict too.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, Grain, new GrainState<TrackState> { State = Track("T2") }));

        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync(StateName, Grain, read);
        Assert.Equal(Track("T1"), read.State);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_checks_the_etag()
    {
        var storage = Open();
        var state = new GrainState<TrackState> { State = Track("T1") };
        await storage.WriteStateAsync(StateName, Grain, state);
        var stale = new GrainState<TrackState> { ETag = state.ETag };
        await storage.WriteStateAsync(StateName, Grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain, stale));
        await storage.ClearStateAsync(StateName, Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync(StateName, Grain, read);
        Assert.False(read.RecordExists);
        // After a clear, the pre-clear ETag must not match a fresh record.
        await storage.WriteStateAsync(StateName, Grain, new GrainState<TrackState> { State = Track("T3") });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, stale));
    }

    [Fact]
    public async Task State_names_and_grains_are_separate()
    {
        var storage = Open();
        await storage.WriteStateAsync(StateName, Grain, new GrainState<TrackState> { State = Track("T1") });
        await storage.WriteStateAsync("other", Grain, new GrainState<TrackState> { State = Track("T2") });
        await storage.WriteStateAsync(StateName, GrainId.Create("sector", "S13"), new GrainState<TrackState> { State = Track("T3") });

        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync("other", Grain, read);

        Assert.Equal("T2", read.State?.TrackId);
    }

    [Fact]
    public async Task State_survives_a_restart()
    {
        var written = new GrainState<TrackState> { State = Track("T1") };
        await Open().WriteStateAsync(StateName, Grain, written);

        Restart();
        var storage = Open();
        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync(StateName, Grain, read);

        Assert.Equal(Track("T1"), read.State);
        Assert.Equal(written.ETag, read.ETag);
        await storage.WriteStateAsync(StateName, Grain, read);
    }

    [Fact]
    public async Task Concurrent_writers_on_different_grains_all_succeed()
    {
        var storage = Open();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var grain = GrainId.Create("sector", $"S{i}");
            var state = new GrainState<TrackState> { State = Track($"T{i}") };
            for (var round = 0; round < 5; round++)
            {
                await storage.WriteStateAsync(StateName, grain, state);
            }
        })));

        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync(StateName, GrainId.Create("sector", "S39"), read);
        Assert.Equal("T39", read.State?.TrackId);
    }

    public void Dispose()
    {
        Restart();
        _directory.Dispose();
    }

    [Fact]
    public async Task Concurrent_writes_share_transactions_and_a_conflict_among_them_fails_alone()
    {
        var storage = Open();
        var database = _databases[^1];
        var stale = new GrainState<TrackState> { State = Track("T0") };
        await storage.WriteStateAsync(StateName, Grain, stale);
        var current = new GrainState<TrackState> { State = Track("T0"), ETag = stale.ETag };
        await storage.WriteStateAsync(StateName, Grain, current); // stale's ETag is now out of date
        var groupsBefore = database.Groups;

        var states = Enumerable.Range(0, 200).Select(i => new GrainState<TrackState> { State = Track($"T{i}") }).ToArray();
        var writes = states.Select((state, i) => storage.WriteStateAsync(StateName, GrainId.Create("sector", $"G{i}"), state)).ToList();
        var conflict = storage.WriteStateAsync(StateName, Grain, stale);
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);

        Assert.True(database.Groups - groupsBefore < 200, $"{database.Groups - groupsBefore} transactions for 201 writes");
        Restart();
        var reopened = Open();
        for (var i = 0; i < states.Length; i++)
        {
            var read = new GrainState<TrackState>();
            await reopened.ReadStateAsync(StateName, GrainId.Create("sector", $"G{i}"), read);
            Assert.Equal(states[i].ETag, read.ETag);
            Assert.Equal(Track($"T{i}"), read.State);
        }

        var survivor = new GrainState<TrackState>();
        await reopened.ReadStateAsync(StateName, Grain, survivor);
        Assert.Equal(current.ETag, survivor.ETag);
    }

    private SqliteGrainStorage Open()
    {
        var database = SqliteDatabase.InDirectory(_directory.Path);
        _databases.Add(database);
        return new SqliteGrainStorage("Default", database, Serializer);
    }

    private void Restart()
    {
        _databases.ForEach(database => database.Dispose());
        _databases.Clear();
    }
}
