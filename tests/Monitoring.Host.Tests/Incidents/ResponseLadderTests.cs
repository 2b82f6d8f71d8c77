namespace Monitoring.Host.Tests.Incidents;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;

/// <summary>domain.md "Incidents and the response protocol": the ladder, walked in virtual time, through HTTP and the hub.</summary>
public sealed class ResponseLadderTests
{
    [Fact]
    public async Task A_crossing_walks_the_whole_ladder_and_closes_when_the_track_returns_and_is_resolved()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (deep, sector, sensor) = h.PlaceAt(30_000, 400);
        var (north, _, _) = h.PlaceAt(30_000, -500);
        const string op1 = "op-west", op2 = "op-duty", duty = "duty1";
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-10);
        var opened = h.Clock.GetUtcNow();

        var console = await h.ConsoleAsync(op1);
        var pushes = new ConcurrentQueue<IncidentView>();
        console.On<IncidentView>("incident", pushes.Enqueue);
        await console.InvokeAsync<object>("Subscribe", new[] { sector });

        await h.ReportAsync("l-1", sensor, deep, t0, "t-ladder");
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-ladder");
        Assert.Matches($"^{sector}-\\d{{4}}-0001$", incident.IncidentId);
        Assert.Equal(IncidentStates.Open, incident.State);
        Assert.Equal("crossed", incident.OpenedOn);
        Assert.Equal(opened, incident.OpenedAt);
        var confirm = IncidentHarness.Step(incident, "confirm");
        Assert.Equal((StepStates.Due, opened, opened.AddSeconds(60)), (confirm.State, confirm.DueAt!.Value, confirm.DeadlineAt!.Value));
        Assert.All(incident.Steps.Where(s => s.StepId != "confirm"), s => Assert.Equal(StepStates.Pending, s.State));
        var crossedAlert = Assert.Single(await h.AlertsAsync(sector));
        Assert.Equal(incident.IncidentId, crossedAlert.IncidentId);

        // confirm → report and warning-broadcast become due, each with its own deadline.
        h.Advance(TimeSpan.FromSeconds(10));
        var afterConfirm = await (await h.AckAsync(op1, incident.IncidentId, "confirm", "visual: 12 persons, 2 armed")).Content.ReadFromJsonAsync<IncidentView>();
        Assert.Equal(("op-west", "visual: 12 persons, 2 armed"), (IncidentHarness.Step(afterConfirm!, "confirm").AckedBy, IncidentHarness.Step(afterConfirm!, "confirm").Note));
        Assert.Equal(opened.AddSeconds(130), IncidentHarness.Step(afterConfirm!, "report").DeadlineAt);
        Assert.Equal(opened.AddSeconds(70), IncidentHarness.Step(afterConfirm!, "warning-broadcast").DeadlineAt);
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(op1, incident.IncidentId, "report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(op1, incident.IncidentId, "warning-broadcast")).StatusCode);
        var broadcastAt = opened.AddSeconds(10);

        // Still crossed 180 s after the broadcast ack: warning-shots becomes due, not a moment before.
        h.Advance(TimeSpan.FromSeconds(179));
        await Task.Delay(300);
        Assert.Equal(StepStates.Pending, IncidentHarness.Step(await h.GetAsync(incident.IncidentId), "warning-shots").State);
        h.Advance(TimeSpan.FromSeconds(1));
        var shotsDue = await h.WaitAsync(incident.IncidentId, v => IncidentHarness.Step(v, "warning-shots").State == StepStates.Due);
        Assert.Equal(broadcastAt.AddSeconds(180), IncidentHarness.Step(shotsDue, "warning-shots").DueAt);
        Assert.Equal(broadcastAt.AddSeconds(240), IncidentHarness.Step(shotsDue, "warning-shots").DeadlineAt);

        // A different person, a duty officer, acknowledges the shots from the console.
        var dutyConsole = await h.ConsoleAsync(duty);
        var afterShots = await dutyConsole.InvokeAsync<IncidentView>("AcknowledgeStep", incident.IncidentId, "warning-shots", "two bursts fired");
        Assert.Equal((StepStates.Acked, "duty1"), (IncidentHarness.Step(afterShots, "warning-shots").State, IncidentHarness.Step(afterShots, "warning-shots").AckedBy));

        // The track goes back north: resolve becomes due; acking it closes the incident.
        Assert.Equal(StepStates.Pending, IncidentHarness.Step(afterShots, "resolve").State);
        await h.ReportAsync("l-2", sensor, north, t0.AddSeconds(5), "t-ladder");
        await h.WaitAsync(incident.IncidentId, v => IncidentHarness.Step(v, "resolve").State == StepStates.Due);
        h.Advance(TimeSpan.FromSeconds(5));
        var closed = await (await h.AckAsync(op2, incident.IncidentId, "resolve", "party returned north")).Content.ReadFromJsonAsync<IncidentView>();
        Assert.Equal(IncidentStates.Closed, closed!.State);
        Assert.Equal(opened.AddSeconds(195), closed.ClosedAt);
        Assert.Empty(closed.Escalations);
        Assert.Equal(["crossed", "clear"], closed.Verdicts.Select(v => v.Verdict));

        Assert.Empty(await h.ListAsync($"?status=open&sector={sector}"));
        Assert.Equal(incident.IncidentId, Assert.Single(await h.ListAsync($"?status=closed&sector={sector}")).IncidentId);
        var sectorView = await (await h.As(op1)).GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/sectors/{sector}");
        Assert.Empty(sectorView!["openIncidents"]!.AsArray());
        var alerts = await h.AlertsAsync(sector);
        Assert.Equal([AlertKinds.Crossed, AlertKinds.Returned], alerts.Select(a => a.Kind));
        Assert.All(alerts, a => Assert.Equal(incident.IncidentId, a.IncidentId));

        // The console saw every change, ending with the closed incident.
        await IncidentHarness.UntilAsync(() => Task.FromResult(pushes.LastOrDefault(p => p.State == IncidentStates.Closed)));
        Assert.True(pushes.Count >= 6, $"expected an incident push per change, got {pushes.Count}");
    }

    [Fact]
    public async Task One_person_cannot_acknowledge_both_the_broadcast_and_the_shots()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (deep, sector, sensor) = h.PlaceAt(30_000, 400);
        const string both = "op-duty"; // operator and duty officer of S01–S10
        await h.ReportAsync("b-1", sensor, deep, DateTimeOffset.UtcNow.AddSeconds(-5), "t-two");
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-two");
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(both, incident.IncidentId, "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(both, incident.IncidentId, "warning-broadcast")).StatusCode);
        h.Advance(TimeSpan.FromSeconds(180));
        await h.WaitAsync(incident.IncidentId, v => IncidentHarness.Step(v, "warning-shots").State == StepStates.Due);

        var refused = await h.AckAsync(both, incident.IncidentId, "warning-shots");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Two-person rule", await refused.Content.ReadAsStringAsync());

        // Over the hub too.
        var console = await h.ConsoleAsync(both);
        var hubError = await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<IncidentView>("AcknowledgeStep", incident.IncidentId, "warning-shots", null));
        Assert.Contains("403: Two-person rule", hubError.Message);

        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync("duty-west", incident.IncidentId, "warning-shots")).StatusCode);
    }

    [Fact]
    public async Task Acks_answer_409_when_not_due_or_already_acked_403_for_role_or_sector_and_404_for_unknowns()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (deep, sector, sensor) = h.PlaceAt(30_000, 400);
        const string op = "op-west";
        await h.ReportAsync("c-1", sensor, deep, DateTimeOffset.UtcNow.AddSeconds(-5), "t-codes");
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-codes");

        Assert.Equal(HttpStatusCode.Conflict, (await h.AckAsync(op, incident.IncidentId, "report")).StatusCode); // not yet due
        Assert.Equal(HttpStatusCode.Conflict, (await h.AckAsync(op, incident.IncidentId, "resolve")).StatusCode); // not due, no reason given
        Assert.Equal(HttpStatusCode.Forbidden, (await h.AckAsync("op-east", incident.IncidentId, "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.AckAsync("observer", incident.IncidentId, "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.AckAsync("duty1", incident.IncidentId, "confirm")).StatusCode); // confirm is the operator's
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(op, incident.IncidentId, "confirm")).StatusCode);
        var twice = await h.AckAsync(op, incident.IncidentId, "confirm");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await h.AckAsync(op, incident.IncidentId, "no-such-step")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.AckAsync(op, $"{sector}-2026-9999", "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await h.As(op)).GetAsync($"/api/incidents/{sector}-2026-9999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await h.As(op)).GetAsync("/api/incidents?status=maybe")).StatusCode);

        // Manual close: resolve before the track returned, with a reason.
        var closed = await (await h.AckAsync(op, incident.IncidentId, "resolve", "sensor artefact, confirmed by patrol")).Content.ReadFromJsonAsync<IncidentView>();
        Assert.Equal((IncidentStates.Closed, "sensor artefact, confirmed by patrol"), (closed!.State, closed.CloseReason));
        Assert.Equal(HttpStatusCode.Conflict, (await h.AckAsync(op, incident.IncidentId, "report")).StatusCode); // closed
    }
}
