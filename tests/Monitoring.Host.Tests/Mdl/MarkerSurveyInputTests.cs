namespace Monitoring.Host.Tests.Mdl;

using System.Net;
using System.Text;
using Monitoring.Grains.Mdl;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Ingestion;

/// <summary>
/// Hostile surveys of PUT /api/markers/{number}: each is a 400 naming its field, and none makes a new MDL version
/// (a survey is all or nothing: the version only moves for a survey that is recorded).
/// </summary>
public sealed class MarkerSurveyInputTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Theory]
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"0001-01-01T00:00:00Z\"}", "surveyedAt")] // was 200: a new MDL version
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"1953-07-31T23:59:59Z\"}", "surveyedAt")] // was 200
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"9999-12-31T23:59:59Z\"}", "surveyedAt")]
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"2026-01-01T00:00:00Z\",\"lon\":0,\"lat\":0}", "lon")] // outside Korea
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"2026-01-01T00:00:00Z\",\"lon\":139.69,\"lat\":35.68}", "lon")] // Tokyo
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"2026-01-01T00:00:00Z\",\"lon\":1e400,\"lat\":38}", "lon")]
    [InlineData("{\"status\":\"lost\",\"surveyedAt\":\"2026-01-01T00:00:00Z\",\"lon\":127.0}", "lat")]
    [InlineData("{\"status\":\"LOST\",\"surveyedAt\":\"2026-01-01T00:00:00Z\"}", "status")]
    public async Task A_hostile_survey_is_a_400_naming_the_field_and_makes_no_version(string body, string field)
    {
        var mdl = host.App.Services.GetRequiredService<MdlSnapshots>();
        var before = mdl.Require().Version;
        using var admin = await host.App.ClientFor("admin");

        var response = await admin.PutAsync("/api/markers/12", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.Names(null, field);
        Assert.Equal(before, mdl.Require().Version);
    }
}
