namespace Monitoring.Host.Tests.Simulation;

using System.Net.Http.Json;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The client these tests read the API with (sensors, alerts, recordings): signed in as the default
/// test user, a duty officer of every sector.
/// </summary>
internal static class ApiClients
{
    public static Task<HttpClient> ReaderAsync(MonitoringApp app) => app.ClientFor(MonitoringApp.DefaultUser);

    /// <summary>A client of a host process started in Development, signed in as its demo observer.</summary>
    public static async Task<HttpClient> DemoObserverAsync(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username = "observer", password = "observer-demo" });
        response.EnsureSuccessStatusCode();
        var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
