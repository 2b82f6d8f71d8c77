namespace Monitoring.Host.Tests.Problems;

using System.Net;
using System.Text;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Ingestion;

/// <summary>
/// Error answers the framework writes (no token, a role policy, no such route or method) carry an errors array
/// naming what they are about, like every other error; before, they were problem+json without one.
/// </summary>
public sealed class StatusProblemTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Theory]
    [InlineData(null, "GET", "/api/incidents", HttpStatusCode.Unauthorized, "Authorization")]
    [InlineData("observer", "PUT", "/api/markers/12", HttpStatusCode.Forbidden, "Authorization")]
    [InlineData("op-west", "POST", "/api/drills", HttpStatusCode.Forbidden, "Authorization")]
    [InlineData("commander", "GET", "/api/drills/drill-0123456789", HttpStatusCode.Forbidden, "Authorization")]
    [InlineData("admin", "GET", "/api/no-such-thing", HttpStatusCode.NotFound, "path")]
    [InlineData("admin", "DELETE", "/api/incidents/S05-2026-0001", HttpStatusCode.MethodNotAllowed, "method")]
    public async Task A_refusal_by_the_framework_names_its_field(string? user, string method, string path, HttpStatusCode status, string field)
    {
        using var client = user is null ? host.App.CreateClient() : await host.App.ClientFor(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null : new StringContent("{\"status\":\"lost\",\"surveyedAt\":\"2026-01-01T00:00:00Z\"}", Encoding.UTF8, "application/json"),
        };

        var problem = await Problem.ReadAsync(await client.SendAsync(request), status);

        Assert.Equal(field, Assert.Single(problem.Errors).Field);
    }
}
