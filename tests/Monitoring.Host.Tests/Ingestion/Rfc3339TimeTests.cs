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

    /// <summary>
    /// The fast reading of the common shape against the pattern and DateTimeOffset.TryParse, on times near that shape:
    /// random digits (impossible dates, hour 24, second 60), both cases of T and Z, 0 to 9 fractional digits,
    /// offsets, and a stray character here and there.
    /// </summary>
    [Fact]
    public void The_fast_reading_agrees_with_the_full_one_on_times_near_the_common_shape()
    {
        var random = new Random(20261208);
        var agreedValid = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var text = NearCommonShape(random);

            var full = Rfc3339Time.TryParse(text, out var expected);
            var fast = TryRead(text, out var actual);

            Assert.True(full == fast, $"{text}: full reading {full}, fast {fast}");
            Assert.True(expected == actual && expected.Offset == actual.Offset, $"{text}: {expected:O} against {actual:O}");
            agreedValid += full ? 1 : 0;
        }

        Assert.InRange(agreedValid, 5_000, 45_000); // both kinds were tried
    }

    private static string NearCommonShape(Random random)
    {
        string Digits(int count, int max) => random.Next(4) == 0
            ? string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))))
            : random.Next(max + 1).ToString(new string('0', count), System.Globalization.CultureInfo.InvariantCulture);

        var text = new StringBuilder()
            .Append(random.Next(10) == 0 ? Digits(4, 9999) : random.Next(1, 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture))
            .Append('-').Append(Digits(2, 13)).Append('-').Append(Digits(2, 32))
            .Append(random.Next(2) == 0 ? 'T' : 't')
            .Append(Digits(2, 24)).Append(':').Append(Digits(2, 60)).Append(':').Append(Digits(2, 60));
        var fractionDigits = random.Next(-2, 10);
        if (fractionDigits >= 0)
        {
            text.Append('.').Append(Digits(fractionDigits, fractionDigits == 0 ? 0 : (int)Math.Pow(10, fractionDigits) - 1)[..fractionDigits]);
        }

        text.Append(random.Next(6) switch
        {
            0 => "z",
            1 => "+09:00",
            2 => "-00:30",
            _ => "Z",
        });
        if (random.Next(20) == 0)
        {
            text[random.Next(text.Length)] = " x:.-Tz0"[random.Next(8)];
        }

        return text.ToString();
    }

    private static bool TryRead(string value, out DateTimeOffset at)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{value}\""));
        Assert.True(reader.Read());
        return Rfc3339Time.TryRead(ref reader, out at);
    }
}
