namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

/// <summary>A step as stored with its incident (mutable inside the grain only).</summary>
[GenerateSerializer]
[Alias("monitoring.incidents.StepState")]
public sealed class StepState
{
    [Id(0)] public string StepId { get; set; } = "";
    [Id(1)] public string State { get; set; } = StepStates.Pending;
    [Id(2)] public DateTimeOffset? DueAt { get; set; }
    [Id(3)] public DateTimeOffset? DeadlineAt { get; set; }
    [Id(4)] public string? AckedBy { get; set; }
    [Id(5)] public DateTimeOffset? AckedAt { get; set; }
    [Id(6)] public string? Note { get; set; }
    /// <summary>For still-crossed steps: when the check runs.</summary>
    [Id(7)] public DateTimeOffset? CheckAt { get; set; }

    public bool IsOpen => State is StepStates.Due or StepStates.Overdue;

    public IncidentStepView ToView() => new()
    {
        StepId = StepId,
        State = State,
        DueAt = DueAt,
        DeadlineAt = DeadlineAt,
        AckedBy = AckedBy,
        AckedAt = AckedAt,
        Note = Note,
    };
}
