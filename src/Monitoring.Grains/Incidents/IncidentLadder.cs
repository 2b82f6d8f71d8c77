namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;

/// <summary>
/// The response protocol's rules over an <see cref="IncidentState"/>: pure and synchronous, so the grain
/// only does the I/O (storage, sector, audit, hub, deadlines). Every change is reported as an event.
/// </summary>
public sealed class IncidentLadder(ProtocolOptions protocol)
{
    private const string Crossed = "crossed";

    public void Open(IncidentState state, IncidentSignal signal, DateTimeOffset now, List<IncidentEvent> events)
    {
        state.Opened = true;
        state.SectorId = signal.SectorId;
        state.TrackId = signal.TrackId;
        state.Class = signal.Class;
        state.OpenedAt = now;
        state.OpenedOn = signal.Opens ?? signal.Verdict;
        state.TrackObservedAt = signal.ObservedAt;
        state.Steps = protocol.Steps.Select(s => new StepState { StepId = s.StepId }).ToList();
        events.Add(new IncidentEvent("incident.opened", Actor.System.Name, now, $"track {signal.TrackId} {state.OpenedOn} in {signal.SectorId}"));

        ApplyVerdict(state, signal, now, events);
        foreach (var (def, step) in Pairs(state))
        {
            if (StepTrigger.Parse(def.Due).Kind == StepTriggerKind.Open && step.State == StepStates.Pending)
            {
                MakeDue(step, def, now, events);
            }
        }
    }

    /// <summary>A later verdict (or hand-over) of the track. Older signals than the last one seen change nothing.</summary>
    public bool Observe(IncidentState state, IncidentSignal signal, DateTimeOffset now, List<IncidentEvent> events)
    {
        if (state.Closed || signal.ObservedAt < state.TrackObservedAt)
        {
            return false;
        }

        var changed = state.SectorId != signal.SectorId || state.TrackVerdict != signal.Verdict;
        state.SectorId = signal.SectorId;
        state.TrackObservedAt = signal.ObservedAt;
        ApplyVerdict(state, signal, now, events);
        return changed;
    }

    public (AckOutcome Outcome, string? Reason) Acknowledge(
        IncidentState state, string stepId, Actor actor, string? note, DateTimeOffset now, List<IncidentEvent> events)
    {
        var def = protocol.Find(stepId);
        var step = state.Step(stepId);
        if (!state.Opened || def is null || step is null)
        {
            return (AckOutcome.NotFound, state.Opened ? $"The protocol has no step '{stepId}'." : "No such incident.");
        }

        if (def.RequireSector && !actor.CoversSector(state.SectorId))
        {
            return (AckOutcome.Forbidden, $"'{actor.Name}' is not assigned sector {state.SectorId}.");
        }

        if (!def.Roles.Any(actor.IsInRole))
        {
            return (AckOutcome.Forbidden, $"'{stepId}' needs the role {string.Join(" or ", def.Roles)}.");
        }

        if (def.NotSameActorAs is { } peer && state.Step(peer)?.AckedBy == actor.Name)
        {
            return (AckOutcome.Forbidden, $"Two-person rule: '{actor.Name}' acknowledged '{peer}', so someone else must acknowledge '{stepId}'.");
        }

        if (state.Closed)
        {
            return (AckOutcome.Conflict, "The incident is closed.");
        }

        var manual = false;
        switch (step.State)
        {
            case StepStates.Acked:
                return (AckOutcome.Conflict, $"'{stepId}' was already acknowledged by {step.AckedBy} at {step.AckedAt:O}.");
            case StepStates.Skipped:
                return (AckOutcome.Conflict, $"'{stepId}' was skipped.");
            case StepStates.Pending when def.ManualWithReason && !string.IsNullOrWhiteSpace(note):
                manual = true;
                break;
            case StepStates.Pending:
                return (AckOutcome.Conflict, def.ManualWithReason
                    ? $"'{stepId}' is not due yet; give a note (the reason) to do it by hand."
                    : $"'{stepId}' is not due yet.");
        }

        step.State = StepStates.Acked;
        step.AckedBy = actor.Name;
        step.AckedAt = now;
        step.Note = note;
        events.Add(new IncidentEvent("step.acked", actor.Name, now, Detail(stepId, note)));

        foreach (var (otherDef, other) in Pairs(state))
        {
            var trigger = StepTrigger.Parse(otherDef.Due);
            if (other.State != StepStates.Pending || trigger.StepId != stepId)
            {
                continue;
            }

            if (trigger.Kind == StepTriggerKind.Acked)
            {
                MakeDue(other, otherDef, now, events);
            }
            else if (trigger.Kind == StepTriggerKind.StillCrossed)
            {
                other.CheckAt = now + otherDef.Delay!.Value;
            }
        }

        if (def.Closes)
        {
            Close(state, now, manual ? note! : $"{stepId} acknowledged", actor, events);
        }

        return (AckOutcome.Acked, null);
    }

    /// <summary>
    /// Runs the checks and deadlines that have passed by now. Returns the steps that just became overdue;
    /// the grain raises their escalations. Running it twice changes nothing the second time.
    /// </summary>
    public List<StepState> Tick(IncidentState state, DateTimeOffset now, List<IncidentEvent> events)
    {
        var overdue = new List<StepState>();
        if (!state.Opened || state.Closed)
        {
            return overdue;
        }

        foreach (var (def, step) in Pairs(state))
        {
            if (step.State != StepStates.Pending || step.CheckAt is not { } at || at > now)
            {
                continue;
            }

            step.CheckAt = null;
            if (state.EverCrossed && state.TrackVerdict == Crossed)
            {
                MakeDue(step, def, at, events);
            }
            else
            {
                step.State = StepStates.Skipped;
                var why = state.EverCrossed ? "track no longer crossed" : "ambiguous-only incident";
                events.Add(new IncidentEvent("step.skipped", Actor.System.Name, at, $"{step.StepId}: {why}"));
            }
        }

        foreach (var step in state.Steps)
        {
            if (step.State == StepStates.Due && step.DeadlineAt is { } deadline && deadline <= now)
            {
                step.State = StepStates.Overdue;
                overdue.Add(step);
            }
        }

        return overdue;
    }

    /// <summary>The next moment something can happen without outside input (a deadline or a check).</summary>
    public static DateTimeOffset? NextWake(IncidentState state)
    {
        if (!state.Opened || state.Closed)
        {
            return null;
        }

        DateTimeOffset? next = null;
        foreach (var step in state.Steps)
        {
            var at = step.State == StepStates.Due ? step.DeadlineAt : step.State == StepStates.Pending ? step.CheckAt : null;
            if (at is { } t && (next is null || t < next))
            {
                next = t;
            }
        }

        return next;
    }

    public static IncidentView ToView(IncidentState state, string incidentId, string? drillId) => new()
    {
        IncidentId = incidentId,
        SectorId = state.SectorId,
        TrackId = state.TrackId,
        State = state.Closed ? IncidentStates.Closed : IncidentStates.Open,
        OpenedAt = state.OpenedAt,
        ClosedAt = state.ClosedAt,
        Verdicts = state.Verdicts.ToArray(),
        Steps = state.Steps.Select(s => s.ToView()).ToArray(),
        Escalations = state.Escalations.ToArray(),
        DrillId = drillId,
        OpenedOn = state.OpenedOn,
        CloseReason = state.CloseReason,
    };

    private void ApplyVerdict(IncidentState state, IncidentSignal signal, DateTimeOffset now, List<IncidentEvent> events)
    {
        if (state.Verdicts.Count == 0 || state.TrackVerdict != signal.Verdict)
        {
            state.Verdicts.Add(new IncidentVerdict
            {
                Verdict = signal.Verdict,
                ObservedAt = signal.ObservedAt,
                DepthM = signal.DepthM,
                SectorId = signal.SectorId,
                MdlVersion = signal.MdlVersion,
            });
        }

        state.TrackVerdict = signal.Verdict;
        state.EverCrossed |= signal.Verdict == Crossed;

        // "Returned": the track is back north of the line (clear or approaching). For an ambiguous-only
        // incident that is the same moment, though the alert rules raise no "returned" for it.
        var back = signal.Verdict is "clear" or "approaching";
        foreach (var (def, step) in Pairs(state))
        {
            if (StepTrigger.Parse(def.Due).Kind != StepTriggerKind.Returned)
            {
                continue;
            }

            if (back && step.State == StepStates.Pending)
            {
                MakeDue(step, def, now, events);
            }
            else if (!back && step.State is StepStates.Due or StepStates.Overdue)
            {
                // Crossed again before anyone resolved it: resolving now would leave a crossing unwatched.
                step.State = StepStates.Pending;
                step.DueAt = null;
                step.DeadlineAt = null;
                events.Add(new IncidentEvent("step.pending", Actor.System.Name, now, $"{step.StepId}: track {signal.Verdict} again"));
            }
        }
    }

    private static void MakeDue(StepState step, ProtocolStep def, DateTimeOffset at, List<IncidentEvent> events)
    {
        step.State = StepStates.Due;
        step.DueAt = at;
        step.DeadlineAt = def.Deadline is { } d ? at + d : null;
        step.CheckAt = null;
        events.Add(new IncidentEvent("step.due", Actor.System.Name, at, step.DeadlineAt is { } dl ? $"{step.StepId} until {dl:O}" : step.StepId));
    }

    private static void Close(IncidentState state, DateTimeOffset now, string reason, Actor actor, List<IncidentEvent> events)
    {
        state.Closed = true;
        state.ClosedAt = now;
        state.CloseReason = reason;
        foreach (var step in state.Steps.Where(s => s.State != StepStates.Acked))
        {
            step.State = StepStates.Skipped;
            step.CheckAt = null;
        }

        events.Add(new IncidentEvent("incident.closed", actor.Name, now, reason));
    }

    private IEnumerable<(ProtocolStep Def, StepState Step)> Pairs(IncidentState state)
    {
        foreach (var step in state.Steps)
        {
            // A step stored under an older protocol that no longer exists is left as it is.
            if (protocol.Find(step.StepId) is { } def)
            {
                yield return (def, step);
            }
        }
    }

    private static string Detail(string stepId, string? note) => note is null ? stepId : $"{stepId}: {note}";
}
