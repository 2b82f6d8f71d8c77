namespace Monitoring.Benchmarks.Sectors;

using BenchmarkDotNet.Attributes;
using Monitoring.Benchmarks.Ingestion;
using Monitoring.Contracts.Reports;
using Monitoring.Geo;
using Monitoring.Grains.Sectors;
using Monitoring.Host.Ingestion;
using Monitoring.Host.Problems;

/// <summary>
/// The sector grain's per-report steps, per report: dedupe (check + remember a (sensorId, reportId) in a
/// window that already holds 100,000), associate (a report without trackId looks for the nearest track
/// among 10,000 live ones, then the track is moved in the grid) and classify (the indexed MDL).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SectorPathBenchmarks
{
    private const int WindowSize = 100_000;
    private const int LiveTracks = 10_000;
    private SensorReport[] _reports = null!;
    private DedupeWindow _dedupe = null!;
    private DedupeWindow _dedupeSpread = null!;
    private TrackAssociation _association = null!;
    private ReconciledMdl _mdl = null!;
    private DateTimeOffset _now;
    private const int Rounds = 1024;
    private string[][] _ids = null!;
    private long _round;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        _mdl = BenchmarkBatch.Mdl;
        var raw = new List<RawReport>();
        var errors = new List<FieldError>();
        ReportBatchParser.TryParse(BenchmarkBatch.Json(_now), false, 10_000, raw, errors, out _);
        var valid = new List<(int, SensorReport)>();
        new ReportValidator(BenchmarkBatch.Sensors, new IngestionOptions()).Validate(raw, _mdl.Sectors, _now, valid, errors);
        _reports = valid.Select(v => v.Item2).ToArray();

        // New ids for 1,024 rounds, then they repeat: the window stays near 200,000 pairs however long BDN runs.
        _ids = Enumerable.Range(0, Rounds).Select(round => _reports.Select(r => r.ReportId + "#" + round).ToArray()).ToArray();
        _dedupe = new DedupeWindow(TimeSpan.FromMinutes(10));
        for (var i = 0; i < WindowSize; i++)
        {
            _dedupe.Add("rdr-11", "warm-" + i, _now);
        }

        // The same pairs spread over the whole 10 minutes, so every generation of the window holds some (a steady state).
        _dedupeSpread = new DedupeWindow(TimeSpan.FromMinutes(10));
        for (var i = 0; i < WindowSize; i++)
        {
            _dedupeSpread.Add("rdr-11", "warm-" + i, _now - TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(TimeSpan.FromMinutes(10).Ticks * i / WindowSize));
        }

        _association = new TrackAssociation(100, TimeSpan.FromSeconds(30));
        var random = new Random(7);
        var sector = _mdl.Sectors.Sectors[10];
        for (var i = 0; i < LiveTracks; i++)
        {
            var p = _mdl.Sectors.PointAt(sector.StartM + (random.NextDouble() * (sector.EndM - sector.StartM)), -2000 + (random.NextDouble() * 7000));
            _association.Upsert("rdr-11/live-" + i, p.Lon, p.Lat, _now);
        }
    }

    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int Dedupe() => CheckAndRemember(_dedupe);

    /// <summary>As <see cref="Dedupe"/>, with the window's pairs spread over all its generations.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int DedupeSteadyWindow() => CheckAndRemember(_dedupeSpread);

    /// <summary>What the sector does with each report of a batch: is it a repeat, then remember it.</summary>
    private int CheckAndRemember(DedupeWindow window)
    {
        var ids = _ids[(int)(++_round % Rounds)];
        var seen = 0;
        for (var i = 0; i < _reports.Length; i++)
        {
            var sensor = _reports[i].SensorId;
            seen += window.Contains(sensor, ids[i], _now) ? 1 : 0;
            window.Add(sensor, ids[i], _now);
        }

        return seen;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int Associate()
    {
        var found = 0;
        foreach (var r in _reports)
        {
            var id = _association.Find(r.Lon, r.Lat, r.ObservedAt) ?? "rdr-11/" + r.TrackId;
            _association.Upsert(id, r.Lon, r.Lat, r.ObservedAt);
            found++;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int Classify()
    {
        var crossed = 0;
        foreach (var r in _reports)
        {
            crossed += _mdl.Classify(r.Lon, r.Lat, r.AccuracyM, r.Class == ObjectClass.Animal).Verdict == Verdict.Crossed ? 1 : 0;
        }

        return crossed;
    }
}
