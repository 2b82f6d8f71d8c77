namespace Monitoring.Host.Recording;

/// <summary>One request's framed record waiting for the next group commit.</summary>
internal sealed class PendingAppend(byte[] record, DateTimeOffset recordedAt, int reports)
{
    public byte[] Record { get; } = record;
    public DateTimeOffset RecordedAt { get; } = recordedAt;
    public int Reports { get; } = reports;

    // Continuations run off the writer loop, so completing a large group never stalls the next fsync.
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
