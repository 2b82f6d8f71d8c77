namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;

/// <summary>When incidents open: crossings and lasting ambiguity, never animals, one per track.</summary>
public sealed class IncidentOpeningTests
{
    [Fact]
    public async Task An_ambiguous_only_incident_opens_after_20_s_of_ambiguity_and_never_offers_warning_shots()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (edge, sector, sensor) = h.PlaceAt(30_000, 5); // within the accuracy of the line: ambiguous
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-40);
        await h.ReportAsync("a-1", sensor, edge, t0, "t-amb", accuracyM: 50);
        await h.ReportAsync("a-2", sensor, edge, t0.AddSeconds(20), "t-amb", accuracyM: 50); // exactly 20 s: not yet
        await Task.Delay(300);
        Assert.Empty(await h.ListAsync($"?sector={sector}"));
        Assert.Equal(AlertKinds.Ambiguous, Assert.Single(await h.AlertsAsync(sector)).Kind);

        await h.ReportAsync("a-3", sensor, edge, t0.AddSeconds(21), "t-amb", accuracyM: 50);
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-amb");
        Assert.Equal("ambiguous", incident.OpenedOn);

        const string op = "op-west";
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(op, incident.IncidentId, "confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(op, incident.IncidentId, "report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.AckAsync(op, incident.IncidentId, "warning-broadcast")).StatusCode);
        h.Advance(TimeSpan.FromSeconds(181));
        var skipped = await h.WaitAsync(incident.IncidentId, v => IncidentHarness.Step(v, "warning-shots").State != StepStates.Pending);
        var shots = IncidentHarness.Step(skipped, "warning-shots");
        Assert.Equal((StepStates.Skipped, (DateTimeOffset?)null), (shots.State, shots.DueAt));
        Assert.Equal(HttpStatusCode.Conflict, (await h.AckAsync("duty1", incident.IncidentId, "warning-shots")).StatusCode);
        Assert.Empty(skipped.Escalations);
    }

    [Fact]
    public async Task Animals_never_open_an_incident_and_a_track_has_at_most_one_open_incident()
    {
        await using var h = await IncidentHarness.StartAsync();
        var (deep, sector, sensor) = h.PlaceAt(30_000, 400);
        var (north, _, _) = h.PlaceAt(30_000, -500);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-20);

        await h.ReportAsync("n-1", sensor, deep, t0, "t-deer", "animal");
        // A person crosses, goes back, and crosses again: still one incident.
        await h.ReportAsync("n-2", sensor, deep, t0, "t-person");
        var incident = await h.IncidentOfAsync(sector, $"{sensor}/t-person");
        await h.ReportAsync("n-3", sensor, north, t0.AddSeconds(2), "t-person");
        await h.WaitAsync(incident.IncidentId, v => IncidentHarness.Step(v, "resolve").State == StepStates.Due);
        await h.ReportAsync("n-4", sensor, deep, t0.AddSeconds(4), "t-person");
        var again = await h.WaitAsync(incident.IncidentId, v => v.Verdicts.Count == 3);
        Assert.Equal(StepStates.Pending, IncidentHarness.Step(again, "resolve").State); // crossed again: not resolvable

        var all = await h.ListAsync($"?sector={sector}");
        Assert.Equal(incident.IncidentId, Assert.Single(all).IncidentId);
        var alerts = await h.AlertsAsync(sector);
        Assert.Null(Assert.Single(alerts, a => a.TrackId == $"{sensor}/t-deer").IncidentId);
        var personAlerts = alerts.Where(a => a.TrackId == $"{sensor}/t-person").ToArray();
        Assert.Equal([AlertKinds.Crossed, AlertKinds.Returned, AlertKinds.Crossed], personAlerts.Select(a => a.Kind));
        Assert.All(personAlerts, a => Assert.Equal(incident.IncidentId, a.IncidentId));
        var sectorView = await (await h.As("duty1")).GetStringAsync($"/api/sectors/{sector}");
        Assert.Contains(incident.IncidentId, sectorView);
    }
}
