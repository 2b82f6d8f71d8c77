using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Monitoring.Grains.Audit;
using Monitoring.Host.Tests.Infrastructure;

namespace Monitoring.Host.Tests.Audit;

public sealed class AuditEndpointTests
{
    [Fact]
    public async Task A_marker_survey_is_audited_with_its_mdl_version_and_listed_by_the_api()
    {
        await using var app = new MonitoringApp();
        await app.StartAsync();
        // Surveys are for commanders and admins; the audit list needs a signed-in user (the identity work's policies).
        var http = await app.ClientFor("commander");

        var response = await http.PutAsJsonAsync("/api/markers/12", new { status = "damaged", surveyedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = (long)(await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;

        var records = (await http.GetFromJsonAsync<JsonArray>("/api/audit"))!;
        var surveyed = Assert.Single(records, r => (string?)r!["action"] == "marker.surveyed");
        Assert.Equal("commander", (string?)surveyed!["actor"]);
        Assert.Equal("marker:12", (string?)surveyed["subject"]);
        Assert.Contains("status=damaged", (string?)surveyed["detail"]);
        var mdlVersion = Assert.Single(records, r => (string?)r!["action"] == "mdl.version");
        Assert.Equal($"mdl:{version}", (string?)mdlVersion!["subject"]);
        Assert.True((long)mdlVersion["index"]! > (long)surveyed["index"]!);

        // The API returns the stored lines, so the client can verify the chain itself.
        var chain = AuditChainVerifier.Verify(records.Select(r => r!.ToJsonString()));
        Assert.True(chain.IsValid, chain.Break?.Reason);

        // And the file under the data directory is the same chain.
        var file = await AuditFile.VerifyAsync(AuditFile.PathIn(app.DataDirectory));
        Assert.True(file.IsValid, file.Break?.Reason);
        Assert.Equal(records.Count, file.Checked);
    }

    [Fact]
    public async Task A_rejected_survey_is_not_audited()
    {
        await using var app = new MonitoringApp();
        await app.StartAsync();
        var http = await app.ClientFor("commander");
        var response = await http.PutAsJsonAsync("/api/markers/12", new { status = "moved", surveyedAt = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var records = (await http.GetFromJsonAsync<JsonArray>("/api/audit"))!;
        Assert.DoesNotContain(records, r => ((string?)r!["action"])!.StartsWith("marker.", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => (string?)r!["action"] == "mdl.version");
    }

    [Fact]
    public async Task Invalid_queries_answer_400_naming_the_field()
    {
        await using var app = new MonitoringApp();
        await app.StartAsync();
        var http = await app.ClientFor("duty1");
        foreach (var (query, field) in new[] { ("from=-1", "from"), ("limit=0", "limit"), ("limit=5001", "limit") })
        {
            var response = await http.GetAsync($"/api/audit?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync());
        }

        var page = (await http.GetFromJsonAsync<JsonArray>("/api/audit?from=0&limit=1"))!;
        Assert.Single(page);
    }
}
