namespace Monitoring.Host.Tests.Hub;

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Hub;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// Alerts are pushed several at a time (the send window), yet every console of a sector receives every
/// alert in seq order, with the "tracks" pushes of a busy sector in between. A duty officer of every sector
/// gets an escalation twice (through the sector and through his role) and keeps the first.
/// </summary>
public sealed class AlertPushTests : IAsyncLifetime
{
    private readonly MonitoringApp _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Alerts_pushed_faster_than_one_at_a_time_reach_every_console_once_and_in_order()
    {
        var sectorId = _app.Services.GetRequiredService<MdlSnapshots>().Require().Sectors.Sectors[3].SectorId;
        var publisher = _app.Services.GetRequiredService<HubAlertPublisher>();
        var consoles = new List<(HubConnection Connection, AlertInbox Inbox)>();
        for (var i = 0; i < 3; i++)
        {
            var connection = await _app.ConnectConsoleAsync();
            var inbox = new AlertInbox(connection);
            await connection.InvokeAsync<object>("Subscribe", new[] { sectorId });
            consoles.Add((connection, inbox));
        }

        const int Count = 600, Escalations = Count / 7;
        var decidedAt = DateTimeOffset.UtcNow;
        var big = Enumerable.Range(0, 400)
            .Select(t => new TrackState { TrackId = $"busy-{t}", SectorId = sectorId, Class = ObjectClass.Person, Lon = 127, Lat = 38, ObservedAt = decidedAt, Verdict = "clear", SensorId = "rdr-03" })
            .ToArray();
        for (var seq = 1; seq <= Count; seq++)
        {
            await publisher.PublishAlertsAsync([new Alert
            {
                AlertId = $"push-{seq}",
                SectorId = sectorId,
                Seq = seq,
                Kind = seq % 7 == 0 ? AlertKinds.Escalation : "crossing",
                Severity = "high",
                DecidedAt = decidedAt,
            }]);
            if (seq % 50 == 0)
            {
                publisher.PublishTracks(sectorId, null, big); // large pushes interleave with the alerts
            }
        }

        foreach (var (connection, inbox) in consoles)
        {
            var received = await inbox.WaitForAsync(a => a.Count >= Count + Escalations, TimeSpan.FromSeconds(30));
            Assert.Equal(Count + Escalations, received.Count);
            Assert.Equal(Enumerable.Range(1, Count).Select(n => (long)n), received.Select(a => a.Seq).Distinct());
            await connection.DisposeAsync();
        }
    }
}
