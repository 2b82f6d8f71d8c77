namespace Monitoring.Benchmarks.Ingestion;

using BenchmarkDotNet.Attributes;
using Monitoring.Contracts.Reports;
using Monitoring.Host.Ingestion;
using Monitoring.Host.Problems;
using Monitoring.Simulation.Recording;

/// <summary>
/// The request side of POST /api/reports, per report (OperationsPerInvoke = batch size), with allocations:
/// parse (Utf8JsonReader into RawReport), validate (field rules, catalogue, sector routing) and the
/// recorder's encoding of an accepted batch (the framed record; the write itself is group-committed I/O).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IngestionBenchmarks
{
    private byte[] _body = null!;
    private List<RawReport> _raw = null!;
    private List<SensorReport> _reports = null!;
    private ReportValidator _validator = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        _body = BenchmarkBatch.Json(_now);
        _raw = [];
        var errors = new List<FieldError>();
        ReportBatchParser.TryParse(_body, ndjson: false, 10_000, _raw, errors, out _);
        _validator = new ReportValidator(BenchmarkBatch.Sensors, new IngestionOptions());
        var valid = new List<(int, SensorReport)>();
        _validator.Validate(_raw, BenchmarkBatch.Mdl.Sectors, _now, valid, errors);
        if (errors.Count > 0 || valid.Count != BenchmarkBatch.Reports)
        {
            throw new InvalidOperationException("the benchmark batch is not valid: " + string.Join("; ", errors.Select(e => e.Reason)));
        }

        _reports = valid.ConvertAll(v => v.Item2);
    }

    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int Parse()
    {
        var raw = new List<RawReport>(BenchmarkBatch.Reports);
        ReportBatchParser.TryParse(_body, ndjson: false, 10_000, raw, new List<FieldError>(), out _);
        return raw.Count;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int Validate()
    {
        var valid = new List<(int, SensorReport)>(_raw.Count);
        _validator.Validate(_raw, BenchmarkBatch.Mdl.Sectors, _now, valid, new List<FieldError>());
        return valid.Count;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkBatch.Reports)]
    public int RecordEncode() => FeedRecordFormat.Encode(_reports, _now).Length;
}
