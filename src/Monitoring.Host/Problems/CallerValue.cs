namespace Monitoring.Host.Problems;

using System.Buffers;
using System.Globalization;
using System.Text;

/// <summary>
/// A caller's value (a path id, a query value, a string from a body) as an error message echoes it. Endpoints
/// answered "'{id}' is not an incident" with the id as sent, so an 8 KB id came back whole, and a newline, an escape
/// sequence or a right-to-left override in it reached consoles and logs as such. Quoted here, at most
/// <see cref="MaxChars"/> characters of it are shown, followed by "…" when there was more, and characters that
/// cannot be seen or that change how text around them reads are written as escapes (\n, \u202E).
/// </summary>
public static class CallerValue
{
    /// <summary>Characters of the value shown between the quotes, escapes included: enough for any real id.</summary>
    public const int MaxChars = 64;

    /// <summary>'value' (bounded and escaped as described above), or null for a missing value.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        // The common case (a short, plain id) costs what the interpolation it replaces did.
        if (value.Length <= MaxChars && value.AsSpan().IndexOfAnyExcept(Plain) < 0)
        {
            return $"'{value}'";
        }

        var text = new StringBuilder(MaxChars + 4).Append('\'');
        var shown = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var escape = pair ? null : Escape(c);
            var width = escape?.Length ?? (pair ? 2 : 1);
            if (shown + width > MaxChars)
            {
                text.Append('…');
                break;
            }

            // A surrogate pair is kept whole: half of one would be an invalid character in the JSON answer.
            if (escape is not null)
            {
                text.Append(escape);
            }
            else if (pair)
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(c);
            }

            shown += width;
        }

        return text.Append('\'').ToString();
    }

    /// <summary>How a character is written when it must not appear as itself, or null when it may.</summary>
    private static string? Escape(char c)
    {
        switch (c)
        {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\"; // so that an escape shown can only come from here, not from the caller's text
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
            ? $"\\u{(int)c:X4}"
            : null;
    }

    /// <summary>Printable ASCII but the backslash: what a real id is made of, and never needs an escape.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c != '\\')));
}
