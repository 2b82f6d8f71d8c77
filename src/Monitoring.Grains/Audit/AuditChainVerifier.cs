namespace Monitoring.Grains.Audit;

/// <summary>
/// Recomputes a chain one stored line at a time and stops at the first break: an unparsable line, an index that is not
/// the next one (a deleted, repeated or reordered line) or a hash that does not match (an edited entry).
/// Feed it lines in order with <see cref="Add"/>; read <see cref="Result"/> at the end.
/// </summary>
public sealed class AuditChainVerifier
{
    private AuditHead _head = AuditHead.Empty;
    private long _checked;
    private AuditBreak? _break;
    private bool _tornTail;

    /// <summary>True once a break was found; later lines are ignored.</summary>
    public bool IsBroken => _break is not null;

    public AuditVerification Result => new(_checked, _head, _break, _tornTail);

    /// <summary>Checks the next line. Returns false once the chain is broken (this line or an earlier one).</summary>
    public bool Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_break is not null)
        {
            return false;
        }

        var expected = _head.NextIndex;
        if (!AuditChain.TryParseLine(line, out var record, out var error))
        {
            return Broken(expected, AuditBreakKind.Unparsable, $"line {expected + 1} is unparsable: {error}");
        }

        if (record!.Index != expected)
        {
            var what = record.Index > expected
                ? $"entries {expected} to {record.Index - 1} are missing"
                : "an earlier index appears again";
            return Broken(expected, AuditBreakKind.IndexGap, $"index gap: expected {expected}, found {record.Index} ({what})");
        }

        string recomputed;
        try
        {
            recomputed = AuditChain.Hash(record.Index, record.Entry, _head.LastHash);
        }
        catch (ArgumentException exception)
        {
            return Broken(expected, AuditBreakKind.Unparsable, $"line {expected + 1} cannot be hashed: {exception.Message}");
        }

        if (!string.Equals(recomputed, record.Hash, StringComparison.Ordinal))
        {
            return Broken(expected, AuditBreakKind.HashMismatch,
                $"hash mismatch at index {expected}: stored {record.Hash}, recomputed {recomputed} (the entry or an earlier one was changed)");
        }

        _head = AuditHead.After(record);
        _checked++;
        return true;
    }

    /// <summary>
    /// Notes bytes after the last newline of a file: a write that a crash cut short. It was never acknowledged, so it does not
    /// break the chain; the writer truncates it on its next start.
    /// </summary>
    public void AddTornTail() => _tornTail = true;

    /// <summary>Verifies whole lines in order (e.g. a Redis list or a test's lines).</summary>
    public static AuditVerification Verify(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var verifier = new AuditChainVerifier();
        foreach (var line in lines)
        {
            if (!verifier.Add(line))
            {
                break;
            }
        }

        return verifier.Result;
    }

    private bool Broken(long index, AuditBreakKind kind, string reason)
    {
        _break = new AuditBreak(index, kind, reason);
        return false;
    }
}
