namespace Monitoring.Host.Tests.Incidents;

using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Monitoring.Grains.Incidents;
using Monitoring.Host.Storage;
using Monitoring.Host.Tests.Infrastructure;
using Orleans.Storage;

/// <summary>
/// The incident index group-commits its writes: a burst of upserts is all stored, and survives a restart.
/// Each sector's closed incidents beyond its recent window move to archive chunks, and every list still answers
/// all of them. An index stored whole by an earlier version is moved into the sectors' indexes.
/// </summary>
public sealed class IncidentIndexTests
{
    [Fact]
    public async Task A_burst_of_concurrent_upserts_is_all_stored_and_survives_a_restart()
    {
        using var scratch = new ScratchDirectory();
        var data = scratch.Path;
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
        using var scratch = new ScratchDirectory();
        var data = scratch.Path;
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

            // The oldest closed ones left their sector's hot list for the sector's archive.
            archived = await grains.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey(IncidentKeys.SectorIndexKey("index-archive", "S12"), 0)).Entries();
            Assert.NotEmpty(archived);
            Assert.All(archived, s => Assert.False(s.Open));
            Assert.All(archived, s => Assert.Equal("S12", s.SectorId));
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

    [Fact]
    public async Task An_index_stored_whole_by_an_earlier_version_is_moved_into_the_sectors_and_still_lists_everything()
    {
        using var scratch = new ScratchDirectory();
        var data = scratch.Path;
        var opened = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var all = Enumerable.Range(1, 40)
            .Select(i => new IncidentSummary { IncidentId = $"S2{i % 3}-2026-{i:D4}", SectorId = $"S2{i % 3}", Open = i > 10, OpenedAt = opened.AddSeconds(i) })
            .ToArray();

        await using (var app = new MonitoringApp(data))
        {
            (await app.StartAsync()).Dispose();
            var grains = app.Services.GetRequiredService<IClusterClient>();

            // The earlier layout: the ten oldest (closed) in an archive chunk of the namespace, the rest in its hot list.
            await grains.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey("index-legacy", 0)).Store(all[..10]);
            var legacy = new IncidentIndexState { ArchivedChunks = 1 };
            foreach (var s in all[10..])
            {
                legacy.Incidents[s.IncidentId] = s;
            }

            var storage = app.Services.GetRequiredKeyedService<IGrainStorage>(MonitoringStorage.DurableProviderName);
            var id = grains.Reference<IIncidentIndexGrain>("index-legacy").GetGrainId();
            await storage.WriteStateAsync("incidentIndex", id, new GrainState<IncidentIndexState>(legacy));

            var index = grains.Reference<IIncidentIndexGrain>("index-legacy");
            Assert.Equal(all, await index.List(null, null));
            Assert.Equal(all.Where(s => s.SectorId == "S21"), (await Sector(grains, "S21")).OrderBy(s => s.OpenedAt));

            // The namespace's own state is emptied once the entries are in the sectors.
            var stored = new GrainState<IncidentIndexState>(new IncidentIndexState());
            await storage.ReadStateAsync("incidentIndex", id, stored);
            Assert.Empty(stored.State!.Incidents);
            Assert.Equal(0, stored.State!.ArchivedChunks);
            Assert.Equal(["S20", "S21", "S22"], stored.State!.Sectors.Order());

            // And the namespace's old archive chunk is gone from storage.
            var chunkId = grains.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey("index-legacy", 0)).GetGrainId();
            var chunk = new GrainState<IncidentArchiveState>(new IncidentArchiveState());
            await storage.ReadStateAsync("incidentArchive", chunkId, chunk);
            Assert.False(chunk.RecordExists);
        }

        await using (var restarted = new MonitoringApp(data))
        {
            (await restarted.StartAsync()).Dispose();
            var index = restarted.Services.GetRequiredService<IClusterClient>().Reference<IIncidentIndexGrain>("index-legacy");
            Assert.Equal(all, await index.List(null, null));
            Assert.Equal(all.Where(s => s.Open && s.SectorId == "S22"), await index.List(true, "S22"));
        }
    }

    [Fact]
    public async Task Pages_walk_hot_lists_and_archives_in_either_order_only_in_the_readers_sectors_and_list_a_moved_incident_once()
    {
        var settings = new Dictionary<string, string?> { ["Monitoring:IncidentIndex:RecentClosed"] = "5" };
        var opened = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        // Two in a row share an openedAt (ordered by id); most close, so both sectors seal archive chunks.
        var all = Enumerable.Range(1, 60)
            .Select(i => new IncidentSummary { IncidentId = $"S1{i % 3 + 2}-2026-{i:D4}", SectorId = $"S1{i % 3 + 2}", Open = i % 4 == 0, OpenedAt = opened.AddSeconds(i / 2) })
            .ToArray();
        var moved = all[11] with { SectorId = "S13" }; // open, in S12; its track went on into S13, its S12 entry stays behind
        await using var app = new MonitoringApp(settings: settings);
        (await app.StartAsync()).Dispose();
        var grains = app.Services.GetRequiredService<IClusterClient>();
        var index = grains.Reference<IIncidentIndexGrain>("index-pages");
        foreach (var burst in all.Chunk(9))
        {
            await Task.WhenAll(burst.Select(index.Upsert));
        }

        await index.Upsert(moved);
        var archived = await grains.Reference<IIncidentArchiveGrain>(IncidentKeys.ArchiveKey(IncidentKeys.SectorIndexKey("index-pages", "S12"), 0)).Entries();
        Assert.Contains(all[2], archived); // S12's oldest, closed
        var everyone = new Actor("reader", [Roles.Observer], ["*"]);
        var s12Only = new Actor("reader", [Roles.Observer], ["S12", "S40"]);
        var ordered = all.OrderBy(s => s.OpenedAt).ThenBy(s => s.IncidentId, StringComparer.Ordinal).ToArray();

        foreach (var (query, reader, expected) in new (IncidentPageQuery, Actor, IEnumerable<IncidentSummary>)[]
        {
            (new() { Limit = 7 }, everyone, ordered),
            (new() { Limit = 4, NewestFirst = true }, everyone, ordered.Reverse()),
            (new() { Limit = 3, Open = false }, everyone, ordered.Where(s => !s.Open)),
            (new() { Limit = 2, Open = true, SectorId = "S13" }, everyone, ordered.Where(s => (s.Open && s.SectorId == "S13") || s.IncidentId == moved.IncidentId)),
            (new() { Limit = 5, NewestFirst = true }, s12Only, ordered.Reverse().Where(s => s.SectorId == "S12")),
        })
        {
            var walked = new List<IncidentSummary>();
            IncidentPage page;
            do
            {
                page = await index.Page(query with { After = walked.LastOrDefault()?.IncidentId }, reader);
                Assert.False(page.AfterUnknown);
                Assert.True(page.More ? page.Items.Length == query.Limit : page.Items.Length <= query.Limit, $"{page.Items.Length} items, more: {page.More}");
                walked.AddRange(page.Items);
            }
            while (page.More);

            Assert.Equal(expected.Select(s => s.IncidentId), walked.Select(s => s.IncidentId));
            Assert.Equal(walked.Select(s => s.IncidentId), (await index.Page(query with { Limit = null }, reader)).Items.Select(s => s.IncidentId));
        }

        // A cursor must be an incident of the reader's listed sectors (any status), of this namespace.
        Assert.True((await index.Page(new() { After = "S12-2026-9999" }, everyone)).AfterUnknown);
        Assert.True((await index.Page(new() { After = all[0].IncidentId }, s12Only)).AfterUnknown); // S13's
        Assert.True((await index.Page(new() { After = $"drill-1/{all[0].IncidentId}" }, everyone)).AfterUnknown);
        Assert.True((await index.Page(new() { After = all[1].IncidentId, SectorId = "S12" }, everyone)).AfterUnknown); // S14's
        Assert.False((await index.Page(new() { After = all[2].IncidentId, Open = true }, everyone)).AfterUnknown); // S12's, closed and archived
        Assert.False((await index.Page(new() { After = moved.IncidentId, SectorId = "S13" }, everyone)).AfterUnknown); // opened in S12
    }

    [Fact]
    public async Task An_incident_that_moves_with_its_track_is_listed_under_its_new_sector_only()
    {
        await using var app = new MonitoringApp();
        (await app.StartAsync()).Dispose();
        var index = app.Services.GetRequiredService<IClusterClient>().Reference<IIncidentIndexGrain>("index-moved");
        var opened = new IncidentSummary { IncidentId = "S12-2026-0001", SectorId = "S12", Open = true, OpenedAt = DateTimeOffset.UtcNow };
        await index.Upsert(opened);

        await index.Moved(opened with { SectorId = "S13" }, fromSectorId: "S12");

        Assert.Empty(await index.List(null, "S12"));
        Assert.Equal(["S13"], (await index.List(true, null)).Select(s => s.SectorId));
        Assert.Equal(["S13"], (await index.List(null, "S13")).Select(s => s.SectorId));
    }

    private static Task<IncidentSummary[]> Sector(IClusterClient grains, string sectorId)
        => grains.Reference<ISectorIncidentIndexGrain>(IncidentKeys.SectorIndexKey("index-legacy", sectorId)).List(null);
}
