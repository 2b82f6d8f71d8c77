namespace Monitoring.Host.Tests.Drills;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Contracts.Reports;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Configuration;
using Monitoring.Host.Ingestion;
using Monitoring.Host.Problems;
using Monitoring.Host.Recording;
using Monitoring.Host.Simulation;
using Monitoring.Simulation.Scenarios;

/// <summary>
/// Writes a recording of every scenario into a data directory with the real recorder, on a fake clock set
/// to each batch's scenario time (so the recording's time is the scenarios' time), through the real validator.
/// </summary>
public static class ScenarioRecording
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ReconciledMdl> Mdl = new(() =>
    {
        var baseData = new MdlBaseData(Options.Create(new MdlOptions()));
        return ReconciledMdl.Build(baseData.DataSet, baseData.DefaultPolicy, 1);
    });

    public static IReadOnlyList<Scenario> Scenarios(string name = ScenarioCatalog.All)
        => ScenarioCatalog.Build(name, new ScenarioContext(Mdl.Value, 7, Start, ""));

    /// <summary>Writes the recording and answers its name.</summary>
    public static async Task<string> WriteAsync(string dataDirectory, string scenario = ScenarioCatalog.All)
    {
        var clock = new FakeTimeProvider(Start);
        var catalog = SensorCatalog.Generate(Mdl.Value.Sectors);
        var recorder = new FeedRecorder(
            Options.Create(new RecordingOptions { HostName = "rec", Fsync = false }),
            Options.Create(new MonitoringOptions { DataDirectory = dataDirectory }),
            clock,
            NullLogger<FeedRecorder>.Instance);
        await using (recorder)
        {
            var batches = Scenarios(scenario)
                .SelectMany(s => s.Reports)
                .GroupBy(r => r.At)
                .OrderBy(g => g.Key);
            foreach (var batch in batches)
            {
                var at = Start + batch.Key;
                clock.SetUtcNow(at);
                var raw = batch.Select(r => InProcessFeedSink.ToRaw(r.Report)).ToList();
                var valid = new List<(int SectorIndex, SensorReport Report)>();
                var errors = new List<FieldError>();
                new ReportValidator(catalog, new IngestionOptions()).Validate(raw, Mdl.Value.Sectors, at, valid, errors);
                Assert.Empty(errors);
                await recorder.AppendAsync(valid.ConvertAll(v => v.Report));
            }

            return recorder.Name;
        }
    }
}
