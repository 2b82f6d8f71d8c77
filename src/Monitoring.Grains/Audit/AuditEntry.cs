namespace Monitoring.Grains.Audit;

/// <summary>
/// One fact for the audit log: who did what to what, and when. The log adds the index and the hash chain.
/// Action names are dotted and stable, e.g. "incident.opened", "step.acked", "auth.signin.failed", "auth.denied".
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Subject = null,
    string? Detail = null,
    string? DrillId = null);
