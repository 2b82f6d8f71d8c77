namespace Monitoring.Host.Tests.Problems;

using System.Net;
using System.Text;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Ingestion;

/// <summary>
/// A query value or JSON body that cannot even be read as its type (a word for a number, a number too large, a
/// broken JSON body) gets the same 400 problem+json as any other bad input: naming the field and the reason.
/// </summary>
public sealed class UnreadableRequestTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Theory]
    [InlineData("/api/alerts?sector=S05&limit=abc", "limit")]
    [InlineData("/api/alerts?sector=S05&limit=99999999999", "limit")]
    [InlineData("/api/alerts?sector=S05&after=1.5", "after")]
    [InlineData("/api/alerts?sector=S05&after=", "after")]
    [InlineData("/api/audit?from=first", "from")]
    [InlineData("/api/audit?limit=%00", "limit")]
    [InlineData("/api/mdl/discrepancies?minM=twenty", "minM")]
    public async Task A_query_value_that_is_not_of_its_type_is_a_400_naming_it(string path, string field)
    {
        using var admin = await host.App.ClientFor("admin");
        var problem = await Problem.ReadAsync(await admin.GetAsync(path), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.Errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith("must be ", error.Reason);
    }

    [Fact]
    public async Task A_body_of_another_media_type_is_a_415_naming_content_type()
    {
        using var admin = await host.App.ClientFor("admin");
        var response = await admin.PutAsync("/api/markers/12", new StringContent("status=lost", Encoding.UTF8, "text/plain"));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Content-Type", Assert.Single(problem.Errors).Field);
    }

    [Theory]
    [InlineData("PUT", "/api/markers/12", "{\"status\": ")]
    [InlineData("PUT", "/api/markers/12", "[1, 2]")]
    [InlineData("POST", "/api/incidents/S05-2026-0001/steps/confirm/ack", "{note")]
    public async Task A_body_that_is_not_json_of_its_shape_is_a_400_naming_the_body(string method, string path, string body)
    {
        using var admin = await host.App.ClientFor("admin");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var problem = await Problem.ReadAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("body", Assert.Single(problem.Errors).Field);
    }

    [Theory]
    [InlineData("PUT", "/api/markers/12", "{\"status\": 1, \"surveyedAt\": \"2026-01-01T00:00:00Z\"}", "status", "must be a string")]
    [InlineData("PUT", "/api/markers/12", "{\"status\": \"lost\", \"surveyedAt\": \"garbage\"}", "surveyedAt", "must be an RFC 3339 time")]
    [InlineData("PUT", "/api/markers/12", "{\"status\": \"lost\", \"surveyedAt\": 12}", "surveyedAt", "must be an RFC 3339 time")]
    [InlineData("PUT", "/api/markers/12", "{\"status\": \"lost\", \"surveyedAt\": \"0001-01-01T00:00:00+14:00\"}", "surveyedAt", "must be an RFC 3339 time")]
    [InlineData("PUT", "/api/markers/12", "{\"status\": \"lost\", \"surveyedAt\": \"2026-01-01T00:00:00Z\", \"lon\": true, \"lat\": 38}", "lon", "must be a number")]
    [InlineData("POST", "/api/incidents/S05-2026-0001/steps/confirm/ack", "{\"note\": 1}", "note", "must be a string")]
    [InlineData("POST", "/api/incidents/S05-2026-0001/steps/confirm/ack", "{\"note\": [\"x\"]}", "note", "must be a string")]
    public async Task A_body_member_of_the_wrong_type_is_a_400_naming_that_member(string method, string path, string body, string field, string reason)
    {
        using var admin = await host.App.ClientFor("admin");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var problem = await Problem.ReadAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
    }
}
