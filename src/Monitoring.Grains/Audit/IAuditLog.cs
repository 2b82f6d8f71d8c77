namespace Monitoring.Grains.Audit;

/// <summary>
/// The tamper-evident, append-only audit log: h_i = SHA-256(entry_i ‖ h_{i−1}).
/// Embedded mode: a file under the data directory; cluster mode: a Redis stream or list.
/// AppendAsync returns once the entry is durable.
/// </summary>
public interface IAuditLog
{
    ValueTask AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries in order (for the API and tests); at most limit, starting at index from.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long from, int limit, CancellationToken cancellationToken = default);
}
