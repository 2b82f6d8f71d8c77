namespace Monitoring.Host.Tests.Incidents;

using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The incident index group-commits its writes: a burst of upserts is all stored, and survives a restart.
/// Closed incidents beyond its recent window move to archive chunks, and every list still answers all of them.
/// </summary>
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

    [Fact]
    public async Task Closed_incidents_beyond_the_recent_window_are_archived_and_every_list_still_answers_after_a_restart()
    {
        var data = MonitoringApp.NewDataDirectory();
        var settings = new Dictionary<string, string?> { ["Monitoring:IncidentIndex:RecentClosed"] = "5" };
        var opened = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var open = Enumerable.Range(1, 60)
            .Select(i => new IncidentSummary { IncidentId = $"S1{i % 2 + 2}-2026-{i:D4}", SectorId = $"S1{i % 2 + 2}", Open = true, OpenedAt = opened.AddSeconds(i) })
            .ToArray();

        // Three in four close, newest first (not in the order they opened).
        var closing = open.Where((_, i) => i % 4 != 3).Reverse().Select(s => s with { Open = false }).ToArray();
        var expected = open.Select(s => closing.SingleOrDefault(c => c.IncidentId == s.IncidentId) ?? s).ToArray();
        IncidentSummary[] archived;

        await using (var app = new MonitoringApp(data, settings))
        {
            (await app.StartAsync()).Dispose();
            var grains = app.Services.GetRequiredService<IClusterClient>();
            var index = grains.Reference<IIncidentIndexGrain>("index-archive");
            await Task.WhenAll(open.Select(index.Upsert));
            foreach (var burst in closing.Chunk(7))
            {
                await Task.WhenAll(burst.Select(index.Upsert));
            }

            Assert.Equal(expected, await index.List(null, null));

            // The oldest closed ones left the hot list for the archive.
            archived = await grains.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey("index-archive", 0)).Entries();
            Assert.NotEmpty(archived);
            Assert.All(archived, s => Assert.False(s.Open));
        }

        await using (var restarted = new MonitoringApp(data, settings))
        {
            (await restarted.StartAsync()).Dispose();
            var index = restarted.Services.GetRequiredService<IClusterClient>().Reference<IIncidentIndexGrain>("index-archive");
            Assert.Equal(expected, await index.List(null, null));
            Assert.Equal(expected.Where(s => !s.Open), await index.List(false, null));
            Assert.Equal(expected.Where(s => !s.Open && s.SectorId == "S12"), await index.List(false, "S12"));
            Assert.Equal(expected.Where(s => s.Open && s.SectorId == "S13"), await index.List(true, "S13"));

            // An archived incident upserted again (a repeated close) is still listed once.
            await index.Upsert(archived[0]);
            Assert.Equal(expected, await index.List(null, null));
        }
    }
}
