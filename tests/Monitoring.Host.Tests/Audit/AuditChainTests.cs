using System.Security.Cryptography;
using System.Text;
using Monitoring.Grains.Audit;

namespace Monitoring.Host.Tests.Audit;

/// <summary>Pins the chain format of docs/audit.md byte for byte: changing it would orphan every existing log.</summary>
public sealed class AuditChainTests
{
    private static readonly AuditEntry Entry = new(
        new DateTimeOffset(2025, 3, 1, 18, 30, 5, 120, TimeSpan.FromHours(9)),
        "kim.op", "step.acked", "incident:S12-3", "confirm", null);

    [Fact]
    public void Canonical_bytes_are_fixed_order_utf8_json_with_utc_seven_digit_time()
    {
        var text = Encoding.UTF8.GetString(AuditChain.CanonicalBytes(4, Entry));
        Assert.Equal(
            """{"index":4,"at":"2025-03-01T09:30:05.1200000Z","actor":"kim.op","action":"step.acked","subject":"incident:S12-3","detail":"confirm","drillId":null}""",
            text);
    }

    [Fact]
    public void Strings_escape_only_quote_backslash_and_controls_and_keep_other_characters_literal()
    {
        var entry = Entry with { Detail = "a\"b\\c\n\t\u0001 김 <&>" };
        var text = Encoding.UTF8.GetString(AuditChain.CanonicalBytes(0, entry));
        Assert.Contains("""
            "detail":"a\"b\\c\n\t\u0001 김 <&>"
            """.Trim(), text);
    }

    [Fact]
    public void Hash_is_sha256_of_canonical_bytes_then_the_previous_hash_bytes()
    {
        var canonical = AuditChain.CanonicalBytes(0, Entry);
        var expected0 = Convert.ToHexStringLower(SHA256.HashData([.. canonical, .. new byte[32]]));
        var h0 = AuditChain.Hash(0, Entry, AuditChain.GenesisHash);
        Assert.Equal(expected0, h0);

        var next = Entry with { Action = "step.escalated" };
        var expected1 = Convert.ToHexStringLower(SHA256.HashData([.. AuditChain.CanonicalBytes(1, next), .. Convert.FromHexString(h0)]));
        Assert.Equal(expected1, AuditChain.Hash(1, next, h0));
    }

    [Fact]
    public void Genesis_hash_is_32_zero_bytes()
        => Assert.Equal(new byte[32], Convert.FromHexString(AuditChain.GenesisHash));

    [Fact]
    public void A_stored_line_is_the_canonical_entry_plus_hash_and_parses_back()
    {
        var record = AuditChain.Next(AuditHead.Empty, Entry with { DrillId = "drill-7" });
        var line = AuditChain.Line(record);
        Assert.StartsWith(Encoding.UTF8.GetString(AuditChain.CanonicalBytes(0, record.Entry))[..^1], line);
        Assert.EndsWith($",\"hash\":\"{record.Hash}\"}}", line);

        Assert.True(AuditChain.TryParseLine(line, out var parsed, out var error), error);
        Assert.Equal(record, parsed);
        Assert.Equal(record.Entry.At.UtcTicks, parsed!.Entry.At.UtcTicks);
    }

    [Theory]
    [InlineData("""{"index":0}""", "missing member")]
    [InlineData("""[1]""", "not a JSON object")]
    [InlineData("""{"index":0,"at":"2025-03-01T09:30:05.1200000Z","actor":"a","action":"b","subject":null,"detail":null,"drillId":null,"hash":"00","x":1}""", "unexpected member")]
    [InlineData("""{"index":0,"index":0,"at":"2025-03-01T09:30:05.1200000Z","actor":"a","action":"b","subject":null,"detail":null,"drillId":null}""", "duplicate member")]
    [InlineData("""{"index":-1,"at":"2025-03-01T09:30:05.1200000Z","actor":"a","action":"b","subject":null,"detail":null,"drillId":null,"hash":"00"}""", "\"index\"")]
    [InlineData("""{"index":0,"at":"2025-03-01T09:30:05Z","actor":"a","action":"b","subject":null,"detail":null,"drillId":null,"hash":"00"}""", "\"at\"")]
    [InlineData("""{"index":0,"at":"2025-03-01T09:30:05.1200000Z","actor":"","action":"b","subject":null,"detail":null,"drillId":null,"hash":"00"}""", "\"actor\"")]
    [InlineData("""{"index":0,"at":"2025-03-01T09:30:05.1200000Z","actor":"a","action":"b","subject":1,"detail":null,"drillId":null,"hash":"00"}""", "\"subject\"")]
    [InlineData("""{"index":0,"at":"2025-03-01T09:30:05.1200000Z","actor":"a","action":"b","subject":null,"detail":null,"drillId":null,"hash":"00"}""", "\"hash\"")]
    [InlineData("""{"index":0,"at":""", "not JSON")]
    public void Parsing_is_strict(string line, string reason)
    {
        Assert.False(AuditChain.TryParseLine(line, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_hashed()
        => Assert.Throws<ArgumentException>(() => AuditChain.Hash(0, Entry with { Detail = "\ud800" }, AuditChain.GenesisHash));

    [Fact]
    public void Verifier_names_the_first_break_only()
    {
        var lines = AuditTestData.Lines(10);
        lines[3] = lines[3].Replace("\"actor\":\"operator-0\"", "\"actor\":\"intruder\"", StringComparison.Ordinal);
        lines.RemoveAt(6);
        var result = AuditChainVerifier.Verify(lines);
        Assert.False(result.IsValid);
        Assert.Equal(3, result.Break!.Index);
        Assert.Equal(AuditBreakKind.HashMismatch, result.Break.Kind);
        Assert.Equal(3, result.Checked);
    }
}
