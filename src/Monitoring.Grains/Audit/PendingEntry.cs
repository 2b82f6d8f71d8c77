namespace Monitoring.Grains.Audit;

/// <summary>
/// An entry waiting in <see cref="ChainedAuditLog"/>'s queue. Exactly one of claim (a batch takes it) or cancel
/// (its caller gave up first) wins, so a cancelled entry is never written and a claimed one is always reported.
/// </summary>
internal sealed class PendingEntry(AuditEntry entry)
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public AuditEntry Entry { get; } = entry;

    public Task Completion => _completion.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    public bool TryCancel()
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) != Waiting)
        {
            return false;
        }

        _completion.TrySetCanceled();
        return true;
    }

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
