namespace Monitoring.Host.Tests.Problems;

using Monitoring.Host.Problems;

/// <summary>How a caller's value is echoed in an error message: quoted, bounded, and with nothing invisible in it.</summary>
public sealed class CallerValueTests
{
    [Theory]
    [InlineData("S05-2026-0001", "'S05-2026-0001'")]
    [InlineData("", "''")]
    [InlineData(null, "null")]
    [InlineData("it's", "'it's'")]
    public void A_short_plain_value_is_quoted_as_it_is(string? value, string quoted)
        => Assert.Equal(quoted, CallerValue.Quote(value));

    [Fact]
    public void A_long_value_shows_its_first_64_characters_and_an_ellipsis()
    {
        var quoted = CallerValue.Quote(new string('a', 8_000));

        Assert.Equal($"'{new string('a', CallerValue.MaxChars)}…'", quoted);
    }

    [Fact]
    public void A_value_of_exactly_64_characters_is_shown_whole()
        => Assert.Equal($"'{new string('a', 64)}'", CallerValue.Quote(new string('a', 64)));

    [Theory]
    [InlineData("a\nb", @"'a\nb'")]
    [InlineData("a\r\n\tb", @"'a\r\n\tb'")]
    [InlineData("\u001b[31mred", @"'\u001B[31mred'")] // a terminal escape sequence
    [InlineData("abc\u202Efed", @"'abc\u202Efed'")] // a right-to-left override
    [InlineData("zero\u200Bwidth", @"'zero\u200Bwidth'")]
    [InlineData("line\u2028sep", @"'line\u2028sep'")]
    [InlineData("nul\0", @"'nul\u0000'")]
    [InlineData(@"C:\n", @"'C:\\n'")] // a backslash of the caller's is not taken for an escape
    public void Characters_that_cannot_be_seen_or_that_change_the_text_around_them_are_escaped(string value, string quoted)
        => Assert.Equal(quoted, CallerValue.Quote(value));

    [Fact]
    public void Half_of_a_surrogate_pair_is_escaped()
    {
        // Not inline data: an attribute's string is stored as UTF-8, which has no half characters.
        Assert.Equal(@"'lone \uD800 half'", CallerValue.Quote("lone \uD800 half"));
    }

    [Fact]
    public void Non_ascii_text_that_reads_as_itself_is_kept()
        => Assert.Equal("'섹터-한국 😀'", CallerValue.Quote("섹터-한국 😀"));

    [Fact]
    public void Escapes_count_towards_the_bound()
    {
        var quoted = CallerValue.Quote(new string('\u0001', 1_000));

        // 10 escapes of 6 characters fit in 64; an 11th would not.
        Assert.Equal($"'{string.Concat(Enumerable.Repeat(@"\u0001", 10))}…'", quoted);
    }

    [Fact]
    public void A_surrogate_pair_is_never_cut_in_half()
    {
        var quoted = CallerValue.Quote(new string('a', 63) + "😀" + "tail");

        Assert.Equal($"'{new string('a', 63)}…'", quoted);
    }
}
