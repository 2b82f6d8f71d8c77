using System.Text;
using System.Text.Json;
using Monitoring.Host.Ingestion;

namespace Monitoring.Host.Tests.Ingestion;

/// <summary>observedAt read from the request's bytes: the same times, in UTC, and the same refusals as from a string.</summary>
public sealed class Rfc3339TimeTests
{
    [Theory]
    [InlineData("2026-11-17T03:12:45.120Z", "2026-11-17T03:12:45.1200000+00:00")]
    [InlineData("2026-11-17t03:12:45.120z", "2026-11-17T03:12:45.1200000+00:00")]
    [InlineData("2026-11-17T12:12:45+09:00", "2026-11-17T03:12:45.0000000+00:00")]
    [InlineData("2026-11-17T03:12:45.1234567Z", "2026-11-17T03:12:45.1234567+00:00")]
    [InlineData("\\u0032026-11-17T03:12:45Z", "2026-11-17T03:12:45.0000000+00:00")] // escaped in the JSON
    public void An_rfc3339_time_reads_in_utc(string json, string expected)
    {
        Assert.True(TryRead(json, out var at));

        Assert.Equal(expected, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-11-17T03:12:45.120")] // no offset
    [InlineData("2026-11-17T03:12:45+0900")] // offset without a colon
    [InlineData("Tue, 17 Nov 2026 03:12:45 GMT")] // RFC 1123
    [InlineData("2026-11-17T03:12:45Z\\n")] // a trailing newline
    [InlineData("2026-02-30T03:12:45Z")] // no such day
    public void Anything_else_is_refused(string json) => Assert.False(TryRead(json, out _));

    [Fact]
    public void A_time_longer_than_the_stack_buffer_reads_as_a_short_one_does()
    {
        var digits = new string('0', 80);

        Assert.Equal(Rfc3339Time.TryParse($"2026-11-17T03:12:45.{digits}Z", out var fromText), TryRead($"2026-11-17T03:12:45.{digits}Z", out var fromJson));
        Assert.Equal(fromText, fromJson);
    }

    private static bool TryRead(string value, out DateTimeOffset at)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{value}\""));
        Assert.True(reader.Read());
        return Rfc3339Time.TryRead(ref reader, out at);
    }
}
