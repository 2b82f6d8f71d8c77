namespace Monitoring.Host.Tests.Simulation;

using Microsoft.Extensions.Options;
using Monitoring.Contracts.Reports;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Ingestion;
using Monitoring.Host.Problems;
using Monitoring.Host.Simulation;
using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Scenarios;

/// <summary>Simulated sensors are the catalogue's sensors, and every simulated report passes the real validator.</summary>
public sealed class ScenarioIngestionTests
{
    private static readonly Lazy<ReconciledMdl> Mdl = new(() =>
    {
        var baseData = new MdlBaseData(Options.Create(new MdlOptions()));
        return ReconciledMdl.Build(baseData.DataSet, baseData.DefaultPolicy, 1);
    });

    [Fact]
    public void Simulated_sensors_stand_where_the_catalogue_puts_them()
    {
        var catalog = SensorCatalog.Generate(Mdl.Value.Sectors);
        foreach (var sector in Mdl.Value.Sectors.Sectors)
        {
            foreach (var site in new SectorSensors(sector).All)
            {
                Assert.True(catalog.TryGet(site.Id, out var sensor), site.Id);
                var p = Mdl.Value.Sectors.PointAt(site.ArcM, site.OffsetM);
                Assert.Equal(sensor.Lon, p.Lon, 9);
                Assert.Equal(sensor.Lat, p.Lat, 9);
            }
        }

        Assert.Equal(catalog.All.Count, Mdl.Value.Sectors.Sectors.Sum(s => new SectorSensors(s).All.Count()));
    }

    [Fact]
    public void Every_report_of_every_scenario_passes_the_ingestion_validator()
    {
        var catalog = SensorCatalog.Generate(Mdl.Value.Sectors);
        var start = DateTimeOffset.UtcNow;
        foreach (var scenario in ScenarioCatalog.Build(ScenarioCatalog.All, new ScenarioContext(Mdl.Value, 11, start, "v")))
        {
            var raw = scenario.Reports.Select(r => InProcessFeedSink.ToRaw(r.Report)).ToList();
            var valid = new List<(int SectorIndex, SensorReport Report)>();
            var errors = new List<FieldError>();

            new ReportValidator(catalog, new IngestionOptions()).Validate(raw, Mdl.Value.Sectors, start + scenario.Duration, valid, errors);

            Assert.True(errors.Count == 0, $"{scenario.Name}: {string.Join("; ", errors.Take(3))}");
            Assert.Equal(raw.Count, valid.Count);
        }
    }
}
