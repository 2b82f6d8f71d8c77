namespace Monitoring.Host.Tests.Problems;

using System.Net;
using System.Text;
using Monitoring.Host.Problems;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Infrastructure;
using Monitoring.Host.Tests.Ingestion;

/// <summary>
/// A caller's value that an error answer echoes (an id in the path, a query value, a string in a body) comes back
/// quoted, at most 64 characters of it, with control characters escaped; a 5,000-character id came back whole.
/// </summary>
public sealed class EchoedValueTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static readonly string Long = new('x', 5_000);

    /// <summary>A newline, a terminal escape and a right-to-left override, percent-encoded for a URL.</summary>
    private const string Hostile = "evil\nline\u001b[2J\u202E";

    public static TheoryData<string, string, string, string?, HttpStatusCode, string> Echoes()
    {
        var data = new TheoryData<string, string, string, string?, HttpStatusCode, string>();
        foreach (var value in new[] { Long, Hostile })
        {
            var v = Uri.EscapeDataString(value);
            data.Add("admin", "GET", $"/api/incidents/{v}", null, HttpStatusCode.NotFound, "id");
            data.Add("admin", "POST", $"/api/incidents/{v}/steps/confirm/ack", "{}", HttpStatusCode.NotFound, "id");
            data.Add("admin", "GET", $"/api/sectors/{v}", null, HttpStatusCode.NotFound, "id");
            data.Add("admin", "GET", $"/api/sensors/{v}", null, HttpStatusCode.NotFound, "id");
            data.Add("sensor", "POST", $"/api/sensors/{v}/heartbeat", null, HttpStatusCode.NotFound, "id");
            data.Add("admin", "GET", $"/api/drills/{v}", null, HttpStatusCode.NotFound, "id");
            data.Add("observer", "GET", $"/api/drills/{v}/incidents", null, HttpStatusCode.NotFound, "id");
            data.Add("admin", "GET", $"/api/alerts?sector={v}", null, HttpStatusCode.BadRequest, "sector");
            data.Add("admin", "GET", $"/api/incidents?sector={v}", null, HttpStatusCode.BadRequest, "sector");
            data.Add("admin", "POST", "/api/drills", Json(new { recording = value }), HttpStatusCode.BadRequest, "recording");
            data.Add("admin", "POST", "/api/drills", Json(new { recording = "none", sectors = new[] { value } }), HttpStatusCode.BadRequest, "sectors");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task An_echoed_value_is_bounded_and_escaped(string user, string method, string path, string? body, HttpStatusCode status, string field)
    {
        using var client = user == "sensor" ? host.App.SensorClient() : await host.App.ClientFor(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var problem = await Problem.ReadAsync(await client.SendAsync(request), status);

        AssertBoundedAndEscaped(problem.Names(null, field).Reason, problem.Raw);
    }

    [Fact]
    public async Task An_unknown_step_of_an_open_incident_is_echoed_bounded_and_escaped()
    {
        var incident = await host.IncidentInAsync(TestUsers.OwnSector);
        using var admin = await host.App.ClientFor("admin");
        foreach (var step in new[] { Long, Hostile })
        {
            var response = await admin.PostAsync(
                $"/api/incidents/{incident}/steps/{Uri.EscapeDataString(step)}/ack", new StringContent("{}", Encoding.UTF8, "application/json"));
            var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);

            var reason = problem.Names(null, "stepId").Reason;
            Assert.StartsWith("The protocol has no step '", reason);
            AssertBoundedAndEscaped(reason, problem.Raw);
        }
    }

    [Fact]
    public async Task A_report_field_is_echoed_bounded_and_escaped()
    {
        using var sensor = host.App.SensorClient();
        var report = Reports.Report("r-1", Long, 127.0, 38.0, DateTimeOffset.UtcNow, @class: Hostile);
        var problem = await Problem.ReadAsync(await sensor.PostAsync("/api/reports", Reports.Batch(report)), HttpStatusCode.BadRequest);

        AssertBoundedAndEscaped(problem.Names(0, "sensorId").Reason, problem.Raw);
        AssertBoundedAndEscaped(problem.Names(0, "class").Reason, problem.Raw);
    }

    private static void AssertBoundedAndEscaped(string reason, string raw)
    {
        Assert.True(reason.Length <= CallerValue.MaxChars + 100, $"the reason echoes too much ({reason.Length} characters)");
        Assert.True(raw.Length < 2_000, $"the answer echoes too much ({raw.Length} characters)");
        Assert.DoesNotContain(reason, c => char.IsControl(c) || c == '\u202E');
        Assert.True(reason.Contains("xxx…'", StringComparison.Ordinal) || reason.Contains(@"\n", StringComparison.Ordinal), reason);
        if (reason.Contains("evil", StringComparison.Ordinal))
        {
            Assert.Contains(@"'evil\nline\u001B[2J\u202E'", reason, StringComparison.Ordinal);
        }
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);
}
