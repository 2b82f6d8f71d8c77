namespace Monitoring.Host.Tests.Identity;

using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>Without a token: 401 for /api reads and the hub; ingestion, health, sign-in and OpenAPI stay open.</summary>
public sealed class UnauthenticatedAccessTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Theory]
    [InlineData("/api/sectors")]
    [InlineData("/api/sectors/S05")]
    [InlineData("/api/alerts?sector=S05")]
    [InlineData("/api/mdl")]
    [InlineData("/api/sensors")]
    [InlineData("/api/incidents")]
    [InlineData("/api/drills/drill-0123456789/incidents")]
    public async Task Api_reads_without_a_token_are_401_problems(string path)
    {
        using var anonymous = host.App.CreateClient();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_marker_survey_without_a_token_is_401()
    {
        using var anonymous = host.App.CreateClient();
        var response = await anonymous.PutAsync("/api/markers/1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_openapi_need_no_token(string path)
    {
        using var anonymous = host.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Ingestion_needs_a_sensor_key_not_a_token()
    {
        using var sensor = host.App.SensorClient();
        var response = await sensor.PostAsync("/api/reports", new StringContent("[]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // reached the handler: an empty batch, not a 401
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token_at_negotiate()
    {
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => host.App.ConnectConsoleAsync((string?)null));
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_a_bad_token_and_accepts_a_good_one_as_access_token()
    {
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => host.App.ConnectConsoleAsync("not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);

        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor("observer"));
        Assert.Equal(HubConnectionState.Connected, console.State);
    }

    [Fact]
    public async Task An_access_token_in_the_query_is_ignored_outside_the_hub()
    {
        using var anonymous = host.App.CreateClient();
        var token = await host.App.TokenFor("admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/sectors?access_token={token}")).StatusCode);
    }
}
