namespace Monitoring.Grains.Audit;

/// <summary>The first place a chain is broken: the index the verifier expected there, the kind and a readable reason.</summary>
public sealed record AuditBreak(long Index, AuditBreakKind Kind, string Reason);
