using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Storage;
using Monitoring.Host.Storage;
using static Monitoring.Host.Tests.Storage.SectorLogSamples;

namespace Monitoring.Host.Tests.Storage;

public sealed class SqliteSectorLogTests : SectorLogContract
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<SqliteDatabase> _databases = [];

    protected override ISectorLog Open(int capacity = 1_000)
    {
        var database = SqliteDatabase.InDirectory(_directory.Path);
        _databases.Add(database);
        return new SqliteSectorLog(database, Options.Create(new SectorLogOptions { Capacity = capacity }));
    }

    protected override Task RestartAsync()
    {
        _databases.ForEach(database => database.Dispose());
        _databases.Clear();
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await RestartAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_commit_that_fails_halfway_leaves_nothing()
    {
        var log = Open();
        await log.CommitAsync("S12", AlertRange(1, 2), [Track("T1")], []);

        // The alerts are written before the track; the track's NULL id fails the NOT NULL constraint.
        var broken = Track("T2") with { TrackId = null! };
        await Assert.ThrowsAnyAsync<Exception>(() => log.CommitAsync("S12", AlertRange(3, 4), [broken], ["T1"]));

        var snapshot = await log.LoadAsync("S12", tailSize: 10);
        Assert.Equal(2, snapshot.LastSeq);
        Assert.Equal(AlertRange(1, 2), snapshot.RecentAlerts);
        Assert.Equal([Track("T1")], snapshot.Tracks);
        await log.CommitAsync("S12", AlertRange(3, 3), [], []);
    }

    [Fact]
    public async Task Payloads_are_camel_case_json_readable_without_orleans()
    {
        var log = Open();
        await log.CommitAsync("S12", AlertRange(1, 1), [Track("T1")], []);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, SqliteDatabase.FileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT json_extract(a.payload, '$.alertId') || ' ' || json_extract(t.payload, '$.class') FROM sector_alert a, sector_track t";

        Assert.Equal("alert-1 vehicle", await command.ExecuteScalarAsync());
        SqliteConnection.ClearPool(connection);
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode()
    {
        var database = SqliteDatabase.InDirectory(_directory.Path);
        _databases.Add(database);

        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void The_database_lives_in_the_data_directory_which_is_created()
    {
        var nested = Path.Combine(_directory.Path, "a", "b");

        using var database = SqliteDatabase.InDirectory(nested);

        Assert.Equal(Path.Combine(nested, "monitoring.db"), database.FilePath);
        Assert.True(Directory.Exists(nested));
    }

    [Fact]
    public void A_capacity_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Open(capacity: 0));
    }
}
