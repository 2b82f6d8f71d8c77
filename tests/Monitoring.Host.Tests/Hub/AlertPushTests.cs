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
/// gets every escalation exactly once: through the sectors he watches, through the escalation groups of the others.
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
            var received = await inbox.WaitForAsync(a => a.Count >= Count, TimeSpan.FromSeconds(30));
            await Task.Delay(300); // room for a second copy of an escalation to arrive, were there one
            Assert.Equal(Enumerable.Range(1, Count).Select(n => (long)n), inbox.Alerts.Select(a => a.Seq));
            await connection.DisposeAsync();
        }

        Assert.True(Escalations > 0);
    }

    [Fact]
    public async Task An_all_sector_duty_officer_gets_each_escalation_once_whether_or_not_he_watches_its_sector()
    {
        var sectors = _app.Services.GetRequiredService<MdlSnapshots>().Require().Sectors.Sectors;
        var watched = sectors[0].SectorId; // S01: op-west's too
        var unwatched = sectors[20].SectorId;
        var publisher = _app.Services.GetRequiredService<HubAlertPublisher>();

        var duty = await _app.ConnectConsoleAsync(); // duty1: duty officer of every sector
        var dutyInbox = new AlertInbox(duty);
        await duty.InvokeAsync<object>("Subscribe", new[] { watched });
        var quiet = await _app.ConnectConsoleAsync(); // duty1 again, on a console that subscribed to nothing
        var quietInbox = new AlertInbox(quiet);
        var operatorConsole = await _app.ConnectConsoleAsync(await _app.TokenFor("op-west"));
        var operatorInbox = new AlertInbox(operatorConsole);
        await operatorConsole.InvokeAsync<object>("Subscribe", new[] { watched });

        Alert Escalation(string sectorId, long seq) => new()
        {
            AlertId = $"{sectorId}-{seq}",
            SectorId = sectorId,
            Seq = seq,
            Kind = AlertKinds.Escalation,
            Severity = "high",
            DecidedAt = DateTimeOffset.UtcNow,
            IncidentId = $"INC-{sectorId}-{seq}",
            StepId = "confirm",
        };
        await publisher.PublishAlertsAsync([Escalation(watched, 1), Escalation(unwatched, 1), Escalation(watched, 2)]);

        await dutyInbox.WaitForAsync(a => a.Count >= 3);
        await quietInbox.WaitForAsync(a => a.Count >= 3);
        await operatorInbox.WaitForAsync(a => a.Count >= 2);
        await Task.Delay(300); // room for second copies to arrive, were there any
        Assert.Equal([$"{watched}-1", $"{unwatched}-1", $"{watched}-2"], dutyInbox.Alerts.Select(a => a.AlertId));
        Assert.Equal([$"{watched}-1", $"{unwatched}-1", $"{watched}-2"], quietInbox.Alerts.Select(a => a.AlertId));
        // An operator of some sectors hears only of his own: nothing leaks through the escalation groups.
        Assert.Equal([$"{watched}-1", $"{watched}-2"], operatorInbox.Alerts.Select(a => a.AlertId));

        await duty.DisposeAsync();
        await quiet.DisposeAsync();
        await operatorConsole.DisposeAsync();
    }
}
