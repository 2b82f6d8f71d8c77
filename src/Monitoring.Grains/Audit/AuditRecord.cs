namespace Monitoring.Grains.Audit;

/// <summary>An entry as stored: its index in the chain, the entry, and its chained hash (lower-case hex).</summary>
public sealed record AuditRecord(long Index, AuditEntry Entry, string Hash);
