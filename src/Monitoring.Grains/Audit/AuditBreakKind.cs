namespace Monitoring.Grains.Audit;

/// <summary>Why a chain is broken at an index.</summary>
public enum AuditBreakKind
{
    /// <summary>The line is not a valid stored record (not JSON, a missing or mistyped member).</summary>
    Unparsable,

    /// <summary>The record's index is not the next one: a line was deleted, repeated or moved.</summary>
    IndexGap,

    /// <summary>The recomputed hash differs from the stored one: the entry (or its hash) was changed.</summary>
    HashMismatch,
}
