namespace Monitoring.Host.Tests.Ingestion;

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;
using Orleans;

/// <summary>Ingestion makes one grain call per sector per batch, not one per report.</summary>
public sealed class GrainCallsPerBatchTests : IAsyncLifetime
{
    private readonly IngestCallCounter _counter = new();
    private readonly MonitoringApp _app;

    public GrainCallsPerBatchTests()
        => _app = new MonitoringApp(services: s => s.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter>(_counter)));

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_batch_of_90_reports_over_3_sectors_makes_exactly_3_ingest_calls()
    {
        var mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        var reports = new List<JsonNode>();
        var sectors = new HashSet<string>();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-10);
        foreach (var s in new[] { 21_500.0, 61_500.0, 101_500.0 }) // mid-sector: all 30 in one sector
        {
            for (var i = 0; i < 30; i++)
            {
                var p = mdl.Sectors.PointAt(s + (i * 10), -500);
                var sector = Positions.SectorOf(mdl, p);
                sectors.Add(sector);
                reports.Add(Reports.Report($"gc-{s}-{i}", $"rdr-{sector[1..]}", p.Lon, p.Lat, t0, trackId: $"gc-{s}-{i}"));
            }
        }

        Assert.Equal(3, sectors.Count);
        _counter.Reset();
        var response = await _app.SensorClient().PostAsync("/api/reports", Reports.Batch([.. reports]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, _counter.IngestCalls.Count);
        Assert.Equal(sectors.Order(), _counter.IngestCalls.Order());
    }

    /// <summary>Counts SectorGrain.Ingest calls as the silo receives them.</summary>
    private sealed class IngestCallCounter : IIncomingGrainCallFilter
    {
        public ConcurrentBag<string> IngestCalls { get; private set; } = [];

        public void Reset() => IngestCalls = [];

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.Name == nameof(ISectorGrain.Ingest) && context.Grain is IGrainBase grain)
            {
                IngestCalls.Add(grain.GrainContext.GrainId.Key.ToString()!);
            }

            await context.Invoke();
        }
    }
}
