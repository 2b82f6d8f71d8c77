namespace Monitoring.LoadTests.Operators;

/// <summary>One protocol step of an incident view: state is pending, due, acked, overdue or skipped.</summary>
public sealed record StepSnapshot(string StepId, string State, DateTimeOffset? DueAt, DateTimeOffset? DeadlineAt, DateTimeOffset? AckedAt, string? AckedBy)
{
    /// <summary>Due or overdue: someone may acknowledge it now.</summary>
    public bool Ackable => State is "due" or "overdue";
}
