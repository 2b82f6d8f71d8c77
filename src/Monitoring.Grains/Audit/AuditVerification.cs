namespace Monitoring.Grains.Audit;

/// <summary>
/// The outcome of verifying a chain: how many entries checked out, the head they lead to, the first break (if any),
/// and whether a file ended in a torn write (see <see cref="AuditChainVerifier.AddTornTail"/>).
/// </summary>
public sealed record AuditVerification(long Checked, AuditHead Head, AuditBreak? Break, bool TornTail)
{
    public bool IsValid => Break is null;
}
