namespace Monitoring.Host.Tests.Drills;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// POST /api/drills refuses bad requests with problem+json naming the field; only drill controllers and admins may;
/// a started drill's 201 names it in Location.
/// </summary>
public sealed class DrillRequestTests
{
    [Theory]
    [InlineData("{\"recording\":\"R\",\"speed\":0}", "speed")]
    [InlineData("{\"recording\":\"R\",\"speed\":1001}", "speed")]
    [InlineData("{\"recording\":\"R\",\"speed\":\"fast\"}", "speed")]
    [InlineData("{\"recording\":\"no-such-recording\",\"speed\":10}", "recording")]
    [InlineData("{\"speed\":10}", "recording")]
    [InlineData("{\"recording\":\"R\",\"sectors\":[\"S999\"]}", "sectors")]
    [InlineData("{\"recording\":\"R\",\"from\":\"yesterday\"}", "from")]
    [InlineData("{\"recording\":\"R\",\"from\":\"2099-01-01T00:00:00Z\",\"to\":\"2099-01-02T00:00:00Z\"}", "from")] // was 201: a drill of nothing
    [InlineData("{\"recording\":\"R\",\"from\":\"1999-01-01T00:00:00Z\",\"to\":\"2000-01-01T00:00:00Z\"}", "to")] // was 201: a drill of nothing
    [InlineData("{\"recording\":\"R\",\"sectors\":[]}", "sectors")] // was 201: every report filtered out
    [InlineData("{\"recording\":\"R\",\"sectors\":[null]}", "sectors")]
    public async Task Bad_requests_answer_400_naming_the_field(string body, string field)
    {
        await using var host = await DrillHost.StartAsync(Monitoring.Simulation.Scenarios.QuietNight.Name);
        using var client = await host.App.ClientFor("drill");

        var response = await client.PostAsync("/api/drills", new StringContent(body.Replace("\"R\"", $"\"{host.Recording}\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("observer", HttpStatusCode.Forbidden)]
    [InlineData("duty1", HttpStatusCode.Forbidden)]
    [InlineData("commander", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("drill", HttpStatusCode.Created)]
    public async Task Only_drill_controllers_and_admins_start_drills(string user, HttpStatusCode expected)
    {
        await using var host = await DrillHost.StartAsync(Monitoring.Simulation.Scenarios.QuietNight.Name);
        using var client = await host.App.ClientFor(user);

        var response = await client.PostAsJsonAsync("/api/drills", new { recording = host.Recording, speed = "max" });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var audit = await (await host.App.ClientFor("admin")).GetFromJsonAsync<JsonElement>("/api/audit");
            Assert.Contains(user, audit.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_started_drill_is_named_by_the_Location_of_its_201()
    {
        await using var host = await DrillHost.StartAsync(Monitoring.Simulation.Scenarios.QuietNight.Name);
        using var client = await host.App.ClientFor("drill");

        var response = await client.PostAsJsonAsync("/api/drills", new { recording = host.Recording, speed = 1, paused = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var drillId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("drillId").GetString();
        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal($"/api/drills/{drillId}", location.OriginalString);

        // The Location is where the drill is read.
        var drill = await client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(drillId, drill.GetProperty("drillId").GetString());
    }
}
