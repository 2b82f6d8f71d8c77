namespace Monitoring.Host.Simulation;

using Microsoft.Extensions.Options;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Ingestion;
using Monitoring.Host.Problems;
using Monitoring.Host.Recording;
using Monitoring.Host.Sensors;
using Monitoring.Simulation.Feeding;
using Monitoring.Simulation.Reports;
using Monitoring.Contracts.Grains;

/// <summary>
/// Feeds simulated reports through the same steps as POST /api/reports, minus HTTP: the same validator
/// (so a simulated report must be as valid as a real one), recorded before it is applied, counted as a
/// heartbeat, then one grain call per sector. In-process rather than HTTP to itself: no sensor key is
/// needed (keys are held only as hashes) and it works under the test server too.
/// </summary>
internal sealed class InProcessFeedSink(
    SensorCatalog sensors,
    MdlSnapshots mdl,
    IOptions<IngestionOptions> options,
    IClusterClient grains,
    TimeProvider clock,
    FeedRecorder recorder,
    SensorHealth health) : IFeedSink
{
    public async Task SendReportsAsync(IReadOnlyList<SimulatedReport> reports, CancellationToken cancellationToken)
    {
        var snapshot = mdl.Require();
        var raw = reports.Select(ToRaw).ToList();
        var valid = new List<(int SectorIndex, SensorReport Report)>(raw.Count);
        var errors = new List<FieldError>();
        new ReportValidator(sensors, options.Value).Validate(raw, snapshot.Sectors, clock.GetUtcNow(), valid, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"A simulated batch was rejected ({errors.Count} problems), first: [{errors[0].Index}].{errors[0].Field}: {errors[0].Reason}");
        }

        var accepted = valid.ConvertAll(v => v.Report);
        await recorder.AppendAsync(accepted, cancellationToken);
        health.Heard(accepted);
        var sectorDefs = snapshot.Sectors.Sectors;
        await Task.WhenAll(SectorBatches.Split(valid)
            .Select(c => grains.Reference<ISectorGrain>(sectorDefs[c.SectorIndex].SectorId).Ingest(c.Reports)));
    }

    public Task SendHeartbeatAsync(string sensorId, CancellationToken cancellationToken)
    {
        health.Beat(sensorId);
        return Task.CompletedTask;
    }

    internal static RawReport ToRaw(SimulatedReport r) => new()
    {
        ReportId = r.ReportId,
        SensorId = r.SensorId,
        ObservedAt = ToWirePrecision(r.ObservedAt),
        Lon = r.Lon,
        Lat = r.Lat,
        AccuracyM = r.AccuracyM,
        Class = r.Class,
        Count = r.Count,
        TrackId = r.TrackId,
    };

    // What the same report would carry over HTTP: UTC to the millisecond, as the simulator's sensors send it.
    private static DateTimeOffset ToWirePrecision(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
