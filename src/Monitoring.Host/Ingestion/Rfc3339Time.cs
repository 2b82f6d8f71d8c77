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
    // Longer than any time a sensor sends (35 characters with seven fractional digits); such a token is read whole.
    private const int StackLimit = 64;

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The reader's current string token as a time, in UTC; false when it is not an RFC 3339 date-time.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset at)
    {
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
}
