namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.Host.Incidents;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Ingestion;

/// <summary>Hostile input to the incident endpoints: ids that cannot be incidents, and notes too long to keep.</summary>
public sealed class IncidentInputTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    public static TheoryData<string> NotIncidentIds => new()
    {
        "%20", // blank: the grain runtime refused the key, a 500
        "%20S05-2026-0001",
        new string('a', 10_000),
        "S05-2026-" + new string('7', 10_000),
        "drill-1%2FS05-2026-0001",
        "drill-1%2F..%2FS05-2026-0001",
        "S05-2026-0001%E2%98%83",
    };

    [Theory]
    [MemberData(nameof(NotIncidentIds))]
    public async Task An_id_that_cannot_be_an_incident_is_a_404_naming_id_for_reads_and_acks(string id)
    {
        using var admin = await host.App.ClientFor("admin");

        var read = await Problem.ReadAsync(await admin.GetAsync($"/api/incidents/{id}"), HttpStatusCode.NotFound);
        var ack = await Problem.ReadAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/steps/confirm/ack", new { note = "x" }), HttpStatusCode.NotFound);

        Assert.Equal("id", Assert.Single(read.Errors).Field);
        Assert.Equal("id", Assert.Single(ack.Errors).Field);
    }

    [Fact]
    public async Task A_note_longer_than_the_limit_is_a_400_naming_note_and_the_step_stays_due()
    {
        var incident = await host.OpenIncidentAsync(TestUsersOwnSector, "long-note");
        using var operatorClient = await host.App.ClientFor("op-west");
        var path = $"/api/incidents/{incident}/steps/confirm/ack";

        var tooLong = new string('n', 1_000_000);
        var problem = await Problem.ReadAsync(await operatorClient.PostAsync(path, Json(new { note = tooLong })), HttpStatusCode.BadRequest);
        Assert.Equal("note", Assert.Single(problem.Errors).Field);
        Assert.Equal("due", await StepStateAsync(operatorClient, incident, "confirm"));

        var atLimit = await operatorClient.PostAsync(path, Json(new { note = new string('n', AckNote.MaxLength) }));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
    }

    private const string TestUsersOwnSector = Monitoring.Host.Tests.Infrastructure.TestUsers.OwnSector;

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<string?> StepStateAsync(HttpClient client, string incident, string stepId)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}");
        return view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == stepId).GetProperty("state").GetString();
    }
}
