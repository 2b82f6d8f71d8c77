using System.Net;
using System.Text;
using Monitoring.Host.Security;
using Monitoring.Host.Tests.Infrastructure;

namespace Monitoring.Host.Tests.Ingestion;

/// <summary>
/// Whole-batch problems: the body's shape, its size, its encoding and the sensor key. Every batch here also
/// carries valid crossing reports, and none of them may be applied.
/// </summary>
public sealed class ReportBatchRejectionTests(IngestionHost host) : IClassFixture<IngestionHost>
{
    private const string Sector = "S25";
    private const int MaxReports = 10_000;
    private const long MaxBodyBytes = 16 * 1024 * 1024;

    public static TheoryData<string> NotAnArray => ["{OBJECT}", "\"reports\"", "42", "null", "true"];

    /// <summary>Malformed JSON inside the report at index 1 (after one valid report).</summary>
    public static TheoryData<string> MalformedSecondReport =>
    [
        "{reportId: \"x\"}",
        "{'reportId': 'x'}",
        "{\"reportId\" \"x\"}",
        "{\"reportId\": \"x\" \"sensorId\": \"rdr-25\"}",
        "{\"reportId\": \"x\",}",
        "{\"reportId\": \"x\" /* a comment */}",
        "{\"reportId\": \"x\", \"lat\": 38.1e}",
        "{\"reportId\": \"x\", \"lat\": 0x26}",
        "{\"reportId\": \"x\", \"lat\": 038}",
        "{\"reportId\": \"x\", \"class\": \"per\nson\"}",
        "{\"reportId\": \"x\", \"class\": \"\\q\"}",
        "{\"reportId\": \"x\", \"lat\": }",
        "{\"reportId\": \"x\", \"lat\": tru}",
    ];

    [Fact]
    public async Task An_empty_array_is_refused()
    {
        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json("[]")), HttpStatusCode.BadRequest);

        problem.Names(null, "body");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    public async Task An_empty_body_is_refused(string mediaType)
    {
        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json("", mediaType)), HttpStatusCode.BadRequest);

        // The body as a whole, not report 0 (a JSON body got "[0].body: malformed JSON: The input does not contain…").
        var error = Assert.Single(problem.Errors);
        Assert.Equal((null, "body"), (error.Index, error.Field));
        Assert.Contains("empty", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotAnArray))]
    public async Task A_json_body_that_is_not_an_array_is_refused(string body)
    {
        var report = host.Crossing(Sector);
        var text = body.Replace("{OBJECT}", report.ToJsonString(), StringComparison.Ordinal);

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(text)), HttpStatusCode.BadRequest, report);

        problem.Names(null, "body");
    }

    [Theory]
    [MemberData(nameof(MalformedSecondReport))]
    public async Task Malformed_json_in_a_report_is_refused_naming_that_report(string malformed)
    {
        var first = host.Crossing(Sector, fraction: 0.3);
        var last = host.Crossing(Sector, fraction: 0.7);
        var body = IngestionHost.ArrayOf(first.ToJsonString(), malformed, last.ToJsonString());

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(body)), HttpStatusCode.BadRequest, first, last);

        Assert.Contains(problem.Errors, e => e.Index == 1);
        problem.OnlyBlames(1);
    }

    [Theory]
    [InlineData("[{VALID}")]
    [InlineData("[{VALID},")]
    [InlineData("[{VALID},]")]
    [InlineData("[{VALID}] trailing")]
    [InlineData("[{VALID}][{VALID}]")]
    [InlineData("[{VALID} {VALID}]")]
    public async Task A_malformed_array_is_refused_without_blaming_the_valid_report(string shape)
    {
        var report = host.Crossing(Sector);
        var body = shape.Replace("{VALID}", report.ToJsonString(), StringComparison.Ordinal);

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(body)), HttpStatusCode.BadRequest, report);

        Assert.DoesNotContain(problem.Errors, e => e.Index == 0);
    }

    [Fact]
    public async Task A_truncated_body_is_not_reported_as_nested_too_deeply()
    {
        var report = host.Crossing(Sector);
        var body = "[" + report.ToJsonString() + ",{\"reportId\": \"x\", \"lat\": ";

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(body)), HttpStatusCode.BadRequest, report);

        Assert.DoesNotContain(problem.Errors, e => e.Reason.Contains("nested", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_body_of_5000_open_brackets_is_refused()
    {
        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(new string('[', 5000))), HttpStatusCode.BadRequest);

        Assert.All(problem.Errors, e => Assert.True(e.Index is null or 0, problem.Raw));
        Assert.Contains(problem.Errors, e => e.Field is "body" or "report");
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public async Task A_report_nested_5000_deep_is_refused_naming_that_report(string open, string close)
    {
        var first = host.Crossing(Sector);
        var nested = string.Concat(Enumerable.Repeat(open, 5000)) + "1" + string.Concat(Enumerable.Repeat(close, 5000));
        var body = IngestionHost.ArrayOf(first.ToJsonString(), nested);

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json(body)), HttpStatusCode.BadRequest, first);

        Assert.Contains(problem.Errors, e => e.Index == 1);
        problem.OnlyBlames(1);
    }

    [Fact]
    public async Task An_ndjson_line_nested_5000_deep_is_refused_naming_that_line()
    {
        var first = host.Crossing(Sector);
        var nested = "{\"reportId\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Ndjson(first.ToJsonString(), nested)), HttpStatusCode.BadRequest, first);

        Assert.Contains(problem.Errors, e => e.Index == 1);
        problem.OnlyBlames(1);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_report_is_refused_naming_that_report()
    {
        var first = host.Crossing(Sector);
        var second = host.Crossing(Sector, fraction: 0.7);
        var text = second.ToJsonString();
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("[" + first.ToJsonString() + ","));
        var at = text.IndexOf("\"reportId\":\"", StringComparison.Ordinal) + "\"reportId\":\"".Length;
        bytes.AddRange(Encoding.UTF8.GetBytes(text[..at]));
        bytes.AddRange([0xC3, 0x28, 0xFF]); // not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes(text[at..] + "]"));
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new("application/json");

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(content), HttpStatusCode.BadRequest, first, second);

        Assert.Contains(problem.Errors, e => e.Index == 1);
        problem.OnlyBlames(1);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_property_name_is_refused_naming_that_report()
    {
        var first = host.Crossing(Sector);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("[" + first.ToJsonString() + ",{\"rep"));
        bytes.AddRange([0xFF, 0xFE]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\": 1}]"));
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new("application/json");

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(content), HttpStatusCode.BadRequest, first);

        Assert.Contains(problem.Errors, e => e.Index == 1);
        problem.OnlyBlames(1);
    }

    [Fact]
    public async Task A_batch_of_10001_reports_is_too_large()
    {
        var first = host.Crossing(Sector);
        var reports = new string[MaxReports + 1];
        reports[0] = first.ToJsonString();
        for (var i = 1; i < reports.Length; i++)
        {
            var copy = first.DeepClone().AsObject();
            copy["reportId"] = $"{(string)first["reportId"]!}-{i}";
            reports[i] = copy.ToJsonString();
        }

        var problem = await host.AssertRejectedAsync(
            () => host.PostAsync(IngestionHost.Json(IngestionHost.ArrayOf(reports))), HttpStatusCode.RequestEntityTooLarge, first);

        Assert.Contains(problem.Errors, e => e.Field == "body");
    }

    [Fact]
    public async Task An_ndjson_body_of_10001_lines_is_too_large()
    {
        var first = host.Crossing(Sector);
        var lines = new string[MaxReports + 1];
        lines[0] = first.ToJsonString();
        for (var i = 1; i < lines.Length; i++)
        {
            var copy = first.DeepClone().AsObject();
            copy["reportId"] = $"{(string)first["reportId"]!}-{i}";
            lines[i] = copy.ToJsonString();
        }

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Ndjson(lines)), HttpStatusCode.RequestEntityTooLarge, first);

        Assert.Contains(problem.Errors, e => e.Field == "body");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_byte_limit_is_too_large(bool declaresLength)
    {
        var first = host.Crossing(Sector);
        var body = Encoding.UTF8.GetBytes("[" + first.ToJsonString() + new string(' ', (int)MaxBodyBytes) + "]");
        HttpContent content = declaresLength
            ? new ByteArrayContent(body)
            : new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new("application/json");

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(content), HttpStatusCode.RequestEntityTooLarge, first);

        Assert.Contains(problem.Errors, e => e.Field == "body");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("wrong")]
    [InlineData("the key in upper case")]
    [InlineData("the key with a suffix")]
    [InlineData("the key's configuration hash")]
    public async Task A_missing_or_unknown_key_is_401_and_nothing_is_applied(string presented)
    {
        var key = presented switch
        {
            "missing" => null,
            "empty" => "",
            "wrong" => "wrong-key",
            "the key in upper case" => MonitoringApp.SensorKey.ToUpperInvariant(),
            "the key with a suffix" => MonitoringApp.SensorKey + "x",
            "the key's configuration hash" => SensorKeyRing.HashForConfig(MonitoringApp.SensorKey),
            _ => throw new ArgumentOutOfRangeException(nameof(presented)),
        };
        var report = host.Crossing(Sector);
        using var client = host.App.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        }

        var problem = await host.AssertRejectedAsync(
            () => host.PostAsync(IngestionHost.Json(IngestionHost.ArrayOf(report.ToJsonString())), client), HttpStatusCode.Unauthorized, report);

        problem.Names(null, "X-Api-Key");
    }

    [Fact]
    public async Task The_key_is_checked_before_the_body()
    {
        using var client = host.App.CreateClient();

        var problem = await host.AssertRejectedAsync(() => host.PostAsync(IngestionHost.Json("not json"), client), HttpStatusCode.Unauthorized);

        problem.Names(null, "X-Api-Key");
    }

    [Fact]
    public async Task An_ndjson_line_that_is_not_an_object_is_refused_naming_that_line()
    {
        var first = host.Crossing(Sector);
        var second = host.Crossing(Sector, fraction: 0.7);

        var problem = await host.AssertRejectedAsync(
            () => host.PostAsync(IngestionHost.Ndjson(first.ToJsonString(), "[" + second.ToJsonString() + "]")), HttpStatusCode.BadRequest, first, second);

        Assert.Contains(problem.Errors, e => e.Index == 1);
        problem.OnlyBlames(1);
    }

    [Fact]
    public async Task Two_objects_on_one_ndjson_line_are_refused_as_that_line_not_as_a_field()
    {
        var first = host.Crossing(Sector);
        var second = host.Crossing(Sector, fraction: 0.6);
        var third = host.Crossing(Sector, fraction: 0.7);

        var problem = await host.AssertRejectedAsync(
            () => host.PostAsync(IngestionHost.Ndjson(first.ToJsonString(), second.ToJsonString() + third.ToJsonString())), HttpStatusCode.BadRequest, first, second, third);

        var error = Assert.Single(problem.Errors);
        Assert.Equal(1, error.Index);
        Assert.Contains(error.Field, new[] { "report", "body" });
    }

    /// <summary>A body without a Content-Length (sent chunked).</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
