namespace Monitoring.Host.Drills;

using Monitoring.Contracts.Incidents;

/// <summary>Builds the after-action report from the drill's incident views at the end of the drill.</summary>
public static class AfterActionBuilder
{
    public static AfterActionReport Build(DrillSettings settings, string drillId, string outcome, DateTimeOffset end, IReadOnlyList<IncidentView> views)
    {
        var incidents = views.OrderBy(v => v.OpenedAt).ThenBy(v => v.IncidentId, StringComparer.Ordinal).Select(v => Incident(v, end)).ToArray();
        var steps = incidents.SelectMany(i => i.Steps).ToArray();
        return new AfterActionReport
        {
            DrillId = drillId,
            Recording = settings.Recording,
            From = settings.From,
            To = end,
            Outcome = outcome,
            Incidents = incidents,
            StepsAcked = steps.Count(s => s.AckedAt is not null),
            StepsMissed = steps.Count(s => s.Missed),
            Escalations = incidents.Sum(i => i.Escalations.Count),
        };
    }

    private static AfterActionIncident Incident(IncidentView view, DateTimeOffset end) => new()
    {
        IncidentId = view.IncidentId,
        SectorId = view.SectorId,
        TrackId = view.TrackId,
        State = view.State,
        OpenedAt = view.OpenedAt,
        ClosedAt = view.ClosedAt,
        Steps = view.Steps.Select(s => Step(s, view.Escalations, end)).ToArray(),
        Escalations = view.Escalations,
    };

    private static AfterActionStep Step(IncidentStepView step, IReadOnlyList<IncidentEscalation> escalations, DateTimeOffset end)
    {
        var escalated = escalations.Any(e => e.StepId == step.StepId);
        var lateAck = step.AckedAt is { } acked && step.DeadlineAt is { } deadline && acked > deadline;
        var pastDeadline = step.AckedAt is null && step.DeadlineAt is { } d && d <= end && step.State is StepStates.Due or StepStates.Overdue;
        return new AfterActionStep
        {
            StepId = step.StepId,
            State = step.State,
            DueAt = step.DueAt,
            DeadlineAt = step.DeadlineAt,
            AckedAt = step.AckedAt,
            AckedBy = step.AckedBy,
            TimeToAckS = step.AckedAt is { } a && step.DueAt is { } due ? Math.Round((a - due).TotalSeconds, 3) : null,
            DeadlineS = step.DeadlineAt is { } dl && step.DueAt is { } du ? Math.Round((dl - du).TotalSeconds, 3) : null,
            Missed = escalated || lateAck || pastDeadline,
            Escalated = escalated,
        };
    }
}
