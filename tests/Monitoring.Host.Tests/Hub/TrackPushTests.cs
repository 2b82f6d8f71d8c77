namespace Monitoring.Host.Tests.Hub;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Hub;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// Track positions are coalesced per sector: however fast reports arrive, a console receives at most
/// 4 "tracks" pushes per second per sector, each carrying the latest position of every moved track.
/// </summary>
public sealed class TrackPushTests : IAsyncLifetime
{
    private readonly MonitoringApp _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Tracks_are_pushed_at_most_four_times_per_second_per_sector_with_the_latest_positions()
    {
        var mdl = _app.Services.GetRequiredService<MdlSnapshots>().Require();
        var start = mdl.Sectors.PointAt(50_000, -800); // north of the line: clear, no alerts in the way
        var sectorId = Positions.SectorOf(mdl, start);
        await using var console = await _app.ConnectConsoleAsync();
        var pushes = new ConcurrentQueue<(DateTime At, TrackBatch Batch)>();
        console.On<TrackBatch>("tracks", b => pushes.Enqueue((DateTime.UtcNow, b)));
        await console.InvokeAsync<object>("Subscribe", new[] { sectorId });

        var sensors = _app.SensorClient();
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);
        const int Batches = 60;
        var last = start;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Batches; i++)
        {
            last = mdl.Sectors.PointAt(50_000 + i, -800);
            var response = await sensors.PostAsync("/api/reports", Reports.Batch(
                Reports.Report($"tp-{i}", $"rdr-{sectorId[1..]}", last.Lon, last.Lat, t0.AddMilliseconds(i * 100), trackId: "mover")));
            response.EnsureSuccessStatusCode();
        }

        var postingTook = watch.Elapsed;
        await Task.Delay(600); // let the last coalesced push out
        var received = pushes.ToArray().Where(p => p.Batch.SectorId == sectorId).ToArray();

        Assert.NotEmpty(received);
        // Never more than 4 pushes in any one-second window.
        foreach (var (at, _) in received)
        {
            var inWindow = received.Count(p => p.At >= at && p.At < at.AddSeconds(1));
            Assert.True(inWindow <= 4, $"{inWindow} pushes within one second (posting took {postingTook.TotalSeconds:0.0} s)");
        }

        // Coalesced, not dropped: the last push holds the track's latest position.
        var final = received[^1].Batch.Tracks.Single(t => t.TrackId == $"rdr-{sectorId[1..]}/mover");
        Assert.Equal(last.Lon, final.Lon, 9);
        Assert.Equal(last.Lat, final.Lat, 9);
        Assert.Equal("tp-59", final.LastReportId);
    }
}
