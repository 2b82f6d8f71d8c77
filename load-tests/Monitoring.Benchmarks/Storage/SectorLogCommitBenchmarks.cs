namespace Monitoring.Benchmarks.Storage;

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;
using Monitoring.Host.Storage;

/// <summary>
/// The embedded sector log's commits through the real group writer into a real monitoring.db (synchronous FULL,
/// so each includes its fsync): a sector's position flush (every moved track of the period, the writer's
/// biggest transactions under load) and a decision's commit (one alert, a few tracks).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SectorLogCommitBenchmarks
{
    private const string SectorKey = "S12";
    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqliteSectorLog _log = null!;
    private TrackState[] _tracks = null!;
    private long _seq;
    private int _round;

    /// <summary>Moved tracks per flush: the difference between the two is the cost of one more row, its I/O included.</summary>
    [Params(30, 300)]
    public int Tracks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "bdn-sectorlog-" + Guid.NewGuid().ToString("N"));
        _database = SqliteDatabase.InDirectory(_directory);
        _log = new SqliteSectorLog(_database, Options.Create(new SectorLogOptions()));
        var now = DateTimeOffset.UtcNow;
        _tracks = Enumerable.Range(0, Tracks).Select(i => new TrackState
        {
            TrackId = $"rdr-12/t-{i:D5}",
            SectorId = SectorKey,
            Class = ObjectClass.Person,
            Lon = 127.0 + (i * 1e-4),
            Lat = 38.1,
            ObservedAt = now,
            Verdict = "approaching",
            DepthM = -42.17,
            SensorId = "rdr-12",
            LastReportId = $"r-{i}",
            MdlVersion = 1,
        }).ToArray();
        _log.CommitAsync(SectorKey, [], _tracks, []).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Every track moved: one upsert per track in one commit.</summary>
    [Benchmark]
    public Task PositionFlush()
    {
        var moved = ++_round * 1e-6;
        var tracks = new TrackState[_tracks.Length];
        for (var i = 0; i < tracks.Length; i++)
        {
            tracks[i] = _tracks[i] with { Lat = 38.1 + moved };
        }

        return _log.CommitAsync(SectorKey, [], tracks, []);
    }

    /// <summary>A decision's commit: one alert (the next seq) and the three tracks it changed.</summary>
    [Benchmark]
    public Task DecisionCommit()
    {
        var seq = ++_seq;
        var alert = new Alert
        {
            AlertId = $"{SectorKey}-{seq}",
            SectorId = SectorKey,
            Seq = seq,
            Kind = AlertKinds.Crossed,
            Severity = "critical",
            TrackId = _tracks[0].TrackId,
            DecidedAt = DateTimeOffset.UtcNow,
            MdlVersion = 1,
        };
        return _log.CommitAsync(SectorKey, [alert], _tracks[..3], []);
    }
}
