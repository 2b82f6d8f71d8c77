namespace Monitoring.Host.Ingestion;

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// Reads a report's observedAt: an RFC 3339 date-time only. The offset is required, and "t"/"z" may be lower case
/// (RFC 3339 5.6); DateTimeOffset.TryParse alone also takes RFC 1123, local times without an offset, "+0900", ...
/// It reads the request's bytes where it can, so a report's time costs no string.
/// </summary>
internal static partial class Rfc3339Time
{
    private static readonly long[] FractionScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    // Longer than any time a sensor sends (35 characters with seven fractional digits); such a token is read whole.
    private const int StackLimit = 64;

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The reader's current string token as a time, in UTC; false when it is not an RFC 3339 date-time.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset at)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryReadUtc(reader.ValueSpan, out at))
        {
            return true;
        }

        // An escaped token is never longer than its bytes, so the bytes' length bounds the characters.
        if (reader.HasValueSequence || reader.ValueSpan.Length > StackLimit)
        {
            return TryParse(reader.GetString(), out at);
        }

        Span<char> text = stackalloc char[StackLimit];
        var length = reader.CopyString(text);
        return TryParse(text[..length], out at);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset at)
    {
        at = default;
        if (!Pattern().IsMatch(text))
        {
            return false;
        }

        // DateTimeOffset.TryParse takes only upper-case 'T' and 'Z'; the pattern has let nothing else through.
        if (text.IndexOfAny('t', 'z') < 0)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
        }

        Span<char> upper = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        text.ToUpperInvariant(upper);
        return DateTimeOffset.TryParse(upper, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }

    /// <summary>
    /// The shape sensors send, "2026-11-17T03:12:45.120Z" (UTC, up to seven fractional digits), read straight from
    /// the bytes: the pattern and DateTimeOffset.TryParse were most of a report's parse. It answers true only for a
    /// time both would take, with the instant they would give; anything else (offsets, a leap second, an impossible
    /// date) is left to them.
    /// </summary>
    private static bool TryReadUtc(ReadOnlySpan<byte> s, out DateTimeOffset at)
    {
        at = default;
        if (s.Length < 20 || s.Length == 21 || s.Length > 28
            || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':' || (s[^1] | 0x20) != 'z'
            || (s.Length > 20 && s[19] != '.'))
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
        {
            return false;
        }

        var fraction = 0L;
        if (s.Length > 20)
        {
            var digits = s[20..^1];
            if (!TryDigits(digits, out var value))
            {
                return false;
            }

            fraction = value * FractionScale[digits.Length];
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var whole = new DateTime((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second, DateTimeKind.Utc);
        at = new DateTimeOffset(whole.Ticks + fraction, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
