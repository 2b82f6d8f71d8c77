using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Monitoring.Grains.Audit;

/// <summary>
/// The chain rules, shared by every writer and the verifier so they can never disagree:
/// h_i = SHA-256(canonical(i, entry_i) ‖ h_{i−1}), h_{−1} = 32 zero bytes. The format is specified in docs/audit.md.
/// </summary>
public static class AuditChain
{
    /// <summary>The fixed, always-UTC timestamp format of "at": 7 fraction digits, so every tick round-trips.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>h_{−1}: 32 zero bytes, as lower-case hex.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private static readonly HashSet<string> Members =
        new(["index", "at", "actor", "action", "subject", "detail", "drillId", "hash"], StringComparer.Ordinal);

    // Strict: a lone surrogate cannot be hashed reproducibly, so it is refused rather than replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// canonical(i, entry): UTF-8 JSON {"index","at","actor","action","subject","detail","drillId"} in that order,
    /// no whitespace, absent optional values as null, strings escaped as in RFC 8785.
    /// </summary>
    /// <exception cref="ArgumentException">A string holds invalid UTF-16 (a lone surrogate).</exception>
    public static byte[] CanonicalBytes(long index, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Encode(Canonical(index, entry).Append('}'));
    }

    /// <summary>The stored form of a record: its canonical entry with a final "hash" member; one line, no newline.</summary>
    public static string Line(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Canonical(record.Index, record.Entry).Append(",\"hash\":\"").Append(record.Hash).Append("\"}").ToString();
    }

    /// <summary>h_i for entry i after a previous hash (lower-case hex in, lower-case hex out).</summary>
    public static string Hash(long index, AuditEntry entry, string previousHash)
    {
        if (!IsHash(previousHash))
        {
            throw new ArgumentException("The previous hash must be 64 lower-case hex digits.", nameof(previousHash));
        }

        var canonical = CanonicalBytes(index, entry);
        var input = new byte[canonical.Length + 32];
        canonical.CopyTo(input, 0);
        Convert.FromHexString(previousHash).CopyTo(input, canonical.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>Chains an entry onto a head: the record to store and the head after it.</summary>
    public static AuditRecord Next(AuditHead head, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new AuditRecord(head.NextIndex, entry, Hash(head.NextIndex, entry, head.LastHash));
    }

    /// <summary>
    /// Reads a stored line strictly: exactly the eight members of <see cref="Line"/> (any order, no duplicates),
    /// with the right types, "at" in <see cref="TimeFormat"/> and a 64-digit lower-case hex hash.
    /// Does not check the hash itself; that needs the previous one (see <see cref="AuditChainVerifier"/>).
    /// </summary>
    public static bool TryParseLine(string line, out AuditRecord? record, out string? error)
    {
        record = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return false;
            }

            var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!Members.Contains(member.Name))
                {
                    error = $"unexpected member \"{member.Name}\"";
                    return false;
                }

                if (!members.TryAdd(member.Name, member.Value))
                {
                    error = $"duplicate member \"{member.Name}\"";
                    return false;
                }
            }

            if (members.Count != Members.Count)
            {
                error = $"missing member \"{Members.First(name => !members.ContainsKey(name))}\"";
                return false;
            }

            if (members["index"].ValueKind != JsonValueKind.Number || !members["index"].TryGetInt64(out var index) || index < 0)
            {
                error = "\"index\" is not a non-negative integer";
                return false;
            }

            if (members["at"].ValueKind != JsonValueKind.String || !TryParseTime(members["at"].GetString()!, out var at))
            {
                error = $"\"at\" is not a time in the format {TimeFormat}";
                return false;
            }

            if (!TryRequired(members, "actor", out var actor, out error)
                || !TryRequired(members, "action", out var action, out error)
                || !TryOptional(members, "subject", out var subject, out error)
                || !TryOptional(members, "detail", out var detail, out error)
                || !TryOptional(members, "drillId", out var drillId, out error))
            {
                return false;
            }

            var hash = members["hash"].ValueKind == JsonValueKind.String ? members["hash"].GetString() : null;
            if (!IsHash(hash))
            {
                error = "\"hash\" is not 64 lower-case hex digits";
                return false;
            }

            record = new AuditRecord(index, new AuditEntry(at, actor!, action!, subject, detail, drillId), hash!);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"not JSON ({exception.Message})";
            return false;
        }
    }

    public static string FormatTime(DateTimeOffset at)
        => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTime(string text, out DateTimeOffset at)
        => DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    public static bool IsHash(string? text)
        => text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static bool TryRequired(Dictionary<string, JsonElement> members, string name, out string? value, out string? error)
    {
        if (!TryOptional(members, name, out value, out error))
        {
            return false;
        }

        if (string.IsNullOrEmpty(value))
        {
            error = $"\"{name}\" is missing or empty";
            return false;
        }

        return true;
    }

    private static bool TryOptional(Dictionary<string, JsonElement> members, string name, out string? value, out string? error)
    {
        var element = members[name];
        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        error = element.ValueKind is JsonValueKind.String or JsonValueKind.Null ? null : $"\"{name}\" is not a string or null";
        return error is null;
    }

    private static byte[] Encode(StringBuilder json)
    {
        try
        {
            return StrictUtf8.GetBytes(json.ToString());
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException("An audit entry holds invalid UTF-16 (a lone surrogate).", nameof(json), exception);
        }
    }

    // Everything but the closing brace, so Line can add the hash member without re-encoding.
    private static StringBuilder Canonical(long index, AuditEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor);
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var json = new StringBuilder(160);
        json.Append("{\"index\":").Append(index.ToString(CultureInfo.InvariantCulture));
        Member(json, "at", FormatTime(entry.At));
        Member(json, "actor", entry.Actor);
        Member(json, "action", entry.Action);
        Member(json, "subject", entry.Subject);
        Member(json, "detail", entry.Detail);
        Member(json, "drillId", entry.DrillId);
        return json;
    }

    private static void Member(StringBuilder json, string name, string? value)
    {
        json.Append(",\"").Append(name).Append("\":");
        if (value is null)
        {
            json.Append("null");
            return;
        }

        json.Append('"');
        foreach (var c in value)
        {
            // RFC 8785 string rules: only '"', '\\' and control characters are escaped; everything else is literal UTF-8.
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}
