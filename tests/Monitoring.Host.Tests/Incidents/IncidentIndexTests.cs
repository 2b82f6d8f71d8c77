namespace Monitoring.Host.Tests.Incidents;

using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>The incident index group-commits its writes: a burst of upserts is all stored, and survives a restart.</summary>
public sealed class IncidentIndexTests
{
    [Fact]
    public async Task A_burst_of_concurrent_upserts_is_all_stored_and_survives_a_restart()
    {
        var data = MonitoringApp.NewDataDirectory();
        var opened = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var summaries = Enumerable.Range(1, 300)
            .Select(i => new IncidentSummary { IncidentId = $"S12-2026-{i:D4}", SectorId = "S12", Open = i % 3 != 0, OpenedAt = opened.AddSeconds(i) })
            .ToArray();

        await using (var app = new MonitoringApp(data))
        {
            (await app.StartAsync()).Dispose();
            var index = app.Services.GetRequiredService<IClusterClient>().Reference<IIncidentIndexGrain>("index-burst");
            await Task.WhenAll(summaries.Select(index.Upsert));
            await index.Upsert(summaries[0]); // unchanged: nothing new to store
        }

        await using (var restarted = new MonitoringApp(data))
        {
            (await restarted.StartAsync()).Dispose();
            var index = restarted.Services.GetRequiredService<IClusterClient>().Reference<IIncidentIndexGrain>("index-burst");
            Assert.Equal(summaries, await index.List(null, null));
            Assert.Equal(200, (await index.List(true, "S12")).Length);
        }
    }
}
