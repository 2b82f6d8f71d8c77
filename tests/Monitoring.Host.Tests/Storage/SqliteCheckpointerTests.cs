using Microsoft.Extensions.Options;
using Monitoring.Grains.Storage;
using Monitoring.Host.Storage;
using Monitoring.Host.Tests.Infrastructure;
using static Monitoring.Host.Tests.Storage.SectorLogSamples;

namespace Monitoring.Host.Tests.Storage;

/// <summary>
/// Commits leave the write-ahead log to the checkpointer: what it copies back is in the database file, the log
/// stays bounded even when writes never pause, and nothing committed is lost across a reopen.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task The_checkpointer_copies_the_whole_log_back_and_nothing_committed_is_lost()
    {
        using (var database = SqliteDatabase.InDirectory(_directory.Path))
        {
            var log = Log(database);
            for (var seq = 1; seq <= 200; seq++)
            {
                await log.CommitAsync("S12", [AlertAt(seq)], [Track($"T{seq}")], []);
            }

            // With the writer idle, one checkpoint copies every frame of the log back.
            Assert.Equal(0, await database.Checkpointer!.CheckpointAsync());
        }

        using var reopened = SqliteDatabase.InDirectory(_directory.Path);
        var snapshot = await Log(reopened).LoadAsync("S12", 1_000);
        Assert.Equal(200, snapshot.LastSeq);
        Assert.Equal(200, snapshot.Tracks.Count);
    }

    [Fact]
    public async Task A_log_over_its_bound_is_restarted_with_the_writer_held_off()
    {
        using var meter = new MonitoringMeterCapture();
        using var database = SqliteDatabase.InDirectory(_directory.Path);
        var log = Log(database);
        await log.CommitAsync("S12", [AlertAt(1)], [], []);
        await using var checkpointer = new SqliteCheckpointer(database, TimeSpan.FromHours(1), restartFrames: 8);

        // Writers that never pause: the log keeps growing while checkpoints run.
        using var stop = new CancellationTokenSource();
        var seq = 1L;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var next = Interlocked.Increment(ref seq);
                await log.CommitAsync("S12", [AlertAt(next)], [Track($"T{next % 50}")], []);
            }
        });

        for (var i = 0; i < 20; i++)
        {
            await checkpointer.CheckpointAsync();
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(checkpointer.Restarts > 0);
        // Operators see how long the writer was held off on the Monitoring meter.
        Assert.True(meter.Count("monitoring.storage.checkpoint.restart.duration") >= checkpointer.Restarts);
        Assert.Equal(Interlocked.Read(ref seq), (await log.LoadAsync("S12", 10)).LastSeq);
    }

    public void Dispose() => _directory.Dispose();

    private static ISectorLog Log(SqliteDatabase database)
        => new SqliteSectorLog(database, Options.Create(new SectorLogOptions { Capacity = 1_000 }));
}
