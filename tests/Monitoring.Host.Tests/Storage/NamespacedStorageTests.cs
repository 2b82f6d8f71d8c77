using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Incidents;
using Monitoring.Grains.Storage;
using Monitoring.Host.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using static Monitoring.Host.Tests.Storage.SectorLogSamples;

namespace Monitoring.Host.Tests.Storage;

/// <summary>Live keys go to the durable store; drill keys ("drill-…") stay in memory and never touch the disk.</summary>
public sealed class NamespacedStorageTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteDatabase _database;
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public NamespacedStorageTests() => _database = SqliteDatabase.InDirectory(_directory.Path);

    [Fact]
    public async Task Drill_sectors_are_logged_in_memory_and_live_sectors_durably()
    {
        var options = Options.Create(new SectorLogOptions());
        var durable = new SqliteSectorLog(_database, options);
        var log = new NamespacedSectorLog(durable, new InMemorySectorLog(options));

        await log.CommitAsync("drill-1a2b/S12", AlertRange(1, 3), [Track("T1")], []);
        await log.CommitAsync("S12", AlertRange(1, 1), [], []);

        Assert.Equal(3, (await log.LoadAsync("drill-1a2b/S12", 10)).LastSeq);
        Assert.Equal(0, (await durable.LoadAsync("drill-1a2b/S12", 10)).LastSeq);
        Assert.Equal(1, (await durable.LoadAsync("S12", 10)).LastSeq);
        Assert.Equal(AlertRange(2, 3), await log.ReadAlertsAsync("drill-1a2b/S12", 1, 10));
    }

    [Fact]
    public async Task Drill_grain_state_stays_in_memory_and_live_state_goes_to_the_durable_store()
    {
        var durable = new SqliteGrainStorage("durable", _database, new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()));
        var storage = new NamespacedGrainStorage(durable);
        var drill = GrainId.Create("sector", "drill-1a2b/S12");
        var live = GrainId.Create("sector", "S12");

        var written = new GrainState<SectorIncidentCounter> { State = new SectorIncidentCounter { Year = 2026, Last = 4 } };
        await storage.WriteStateAsync("incidentNumbers", drill, written);
        await storage.WriteStateAsync("incidentNumbers", live, new GrainState<SectorIncidentCounter> { State = new SectorIncidentCounter { Year = 2026, Last = 7 } });

        var read = new GrainState<SectorIncidentCounter>();
        await storage.ReadStateAsync("incidentNumbers", drill, read);
        Assert.True(read.RecordExists);
        Assert.Equal(4, read.State!.Last);

        var onDisk = new GrainState<SectorIncidentCounter>();
        await durable.ReadStateAsync("incidentNumbers", drill, onDisk);
        Assert.False(onDisk.RecordExists);
        await durable.ReadStateAsync("incidentNumbers", live, onDisk);
        Assert.Equal(7, onDisk.State!.Last);

        await storage.ClearStateAsync("incidentNumbers", drill, read);
        var cleared = new GrainState<SectorIncidentCounter>();
        await storage.ReadStateAsync("incidentNumbers", drill, cleared);
        Assert.False(cleared.RecordExists);
    }

    [Theory]
    [InlineData("drill-1a2b/S12", true)]
    [InlineData("drill-1a2b", true)]
    [InlineData("S12", false)]
    [InlineData("S12-2026-0001", false)]
    [InlineData("live", false)]
    public void Drill_keys_are_told_by_their_prefix(string key, bool isDrill)
    {
        Assert.Equal(isDrill, DrillNamespace.IsDrill(key));
        Assert.Equal(isDrill, DrillNamespace.IsDrill(GrainId.Create("incident", key)));
    }

    public void Dispose()
    {
        _database.Dispose();
        _services.Dispose();
        _directory.Dispose();
    }
}
