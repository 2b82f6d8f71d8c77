namespace Monitoring.Grains.Incidents;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Publishing;
using Monitoring.Contracts.Grains;

/// <summary>
/// One incident and its response protocol (the rules are in <see cref="IncidentLadder"/>). Every change is
/// written to grain state first, then the next deadline is registered durably and armed on this silo,
/// then it is audited and pushed to the sector's consoles.
/// Calls go one way only: the sector tells the incident (one-way), the incident asks the sector (escalations,
/// release), so two grains never wait on each other.
/// A closed incident never changes again: once its final state is stored (and its deadline unregistered,
/// its timer disarmed and its track released) it deactivates, and so does any later activation of it after
/// the call that woke it (a read of the history). Only open incidents stay in memory.
/// </summary>
public sealed class IncidentGrain(
    [PersistentState("incident")] IPersistentState<IncidentState> store,
    IOptions<ProtocolOptions> protocol,
    IClockSource clocks,
    DeadlineScheduler scheduler,
    IDeadlineRegistry registry,
    IAlertPublisher publisher,
    IncidentAudit audit,
    ILogger<IncidentGrain> logger) : Grain, IIncidentGrain
{
    private readonly IncidentLadder _ladder = new(protocol.Value);
    private string _id = "";
    private string? _drillId;
    private TimeProvider _clock = TimeProvider.System;

    private IncidentState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        _drillId = IncidentKeys.DrillOf(_id);
        _clock = clocks.For(_drillId);
        if (State.Opened && !State.Closed)
        {
            // Re-arm: this silo may never have had the timer (another silo's, or a restart).
            await ArmAsync();
        }
    }

    public async Task Observe(IncidentSignal signal)
    {
        var now = _clock.GetUtcNow();
        var events = new List<IncidentEvent>();
        var indexChanged = false;
        string? movedFrom = null; // the sector the incident's track has just left
        if (State.Closed)
        {
            LetGoIfClosed(); // a late signal from the sector: nothing changes
            return;
        }

        if (!State.Opened)
        {
            if (signal.Class == ObjectClass.Animal)
            {
                return; // never an incident for an animal (the sector does not ask; this is a second guard)
            }

            _ladder.Open(State, signal, now, events);
            indexChanged = true;
        }
        else
        {
            var sectorBefore = State.SectorId;
            if (!_ladder.Observe(State, signal, now, events) && events.Count == 0)
            {
                return;
            }

            movedFrom = sectorBefore != State.SectorId ? sectorBefore : null;
            indexChanged = movedFrom is not null;
        }

        await CommitAsync(events, indexChanged, movedFrom);
    }

    public Task<IncidentView?> GetView()
    {
        LetGoIfClosed();
        return Task.FromResult(State.Opened ? View() : null);
    }

    public async Task<AckResult> Acknowledge(string stepId, Actor actor, string? note)
    {
        var now = _clock.GetUtcNow();
        var events = new List<IncidentEvent>();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var (outcome, reason) = _ladder.Acknowledge(State, stepId, actor, note, now, events);
        if (outcome != AckOutcome.Acked)
        {
            if (outcome == AckOutcome.Forbidden)
            {
                await audit.AppendAsync(new AuditEntry(now, actor.Name, "auth.denied", $"{_id}/{stepId}", reason, _drillId));
            }

            LetGoIfClosed();
            return new AckResult(outcome, reason, State.Opened ? View() : null);
        }

        await CommitAsync(events, indexChanged: State.Closed);
        if (State.Closed)
        {
            await ReleaseTrackAsync();
            LetGoIfClosed();
        }

        return new AckResult(AckOutcome.Acked, null, View());
    }

    public async Task FireDeadlines()
    {
        var now = _clock.GetUtcNow();
        var events = new List<IncidentEvent>();
        var overdue = _ladder.Tick(State, now, events);
        if (overdue.Count == 0 && events.Count == 0)
        {
            scheduler.Arm(_id, IncidentLadder.NextWake(State)); // fired early or twice: just keep the timer right
            LetGoIfClosed();
            return;
        }

        try
        {
            foreach (var step in overdue)
            {
                var at = step.DeadlineAt!.Value;
                var sector = GrainFactory.Reference<ISectorGrain>(SectorKeys.GrainKey(State.SectorId, _drillId));
                var alert = await sector.RaiseEscalation(new EscalationRequest
                {
                    IncidentId = _id,
                    StepId = step.StepId,
                    TrackId = State.TrackId,
                    At = at,
                    Note = $"step '{step.StepId}' not acknowledged by its deadline {at:O} (due {step.DueAt:O})",
                });
                State.Escalations.Add(new IncidentEscalation
                {
                    StepId = step.StepId,
                    At = at,
                    SectorId = alert.SectorId,
                    AlertId = alert.AlertId,
                    Seq = alert.Seq,
                });
                events.Add(new IncidentEvent("step.escalated", Actor.System.Name, at, $"{step.StepId}: alert {alert.AlertId}"));
            }
        }
        catch
        {
            // The ladder moved in memory only: reload the stored state next time; the scheduler retries, and
            // the sector raises each escalation once (it answers a repeat with the alert it already raised).
            DeactivateOnIdle();
            throw;
        }

        await CommitAsync(events, indexChanged: false);
    }

    private async Task CommitAsync(List<IncidentEvent> events, bool indexChanged, string? movedFrom = null)
    {
        await store.WriteStateAsync();
        await ArmAsync();
        if (indexChanged)
        {
            var index = GrainFactory.Reference<IIncidentIndexGrain>(IncidentKeys.IndexKey(_drillId));
            var summary = new IncidentSummary
            {
                IncidentId = _id,
                SectorId = State.SectorId,
                Open = !State.Closed,
                OpenedAt = State.OpenedAt,
            };
            await (movedFrom is null ? index.Upsert(summary) : index.Moved(summary, movedFrom));
        }

        // Queued in order (each call enqueues before its first await), so they share one group commit (one fsync).
        // A drill's incident does not wait for that fsync: the entries are still written, in order, but a replay
        // at "max" would otherwise wait for the disk at every step that touches an incident.
        var audited = Task.WhenAll(events.Select(e => audit.AppendAsync(new AuditEntry(e.At, e.Actor, e.Action, _id, e.Detail, _drillId))));
        if (_drillId is null)
        {
            await audited;
        }

        try
        {
            await publisher.PublishIncidentAsync(View());
        }
        catch (Exception ex)
        {
            // Consoles re-read GET /api/incidents/{id}; the change itself is stored.
            logger.LogWarning(ex, "Incident {Incident}: could not push the view", _id);
        }
    }

    private async Task ArmAsync()
    {
        var next = IncidentLadder.NextWake(State);
        if (_drillId is null)
        {
            // Only live deadlines must survive a restart; a drill's are moved by its replay and end with it.
            await registry.SetAsync(_id, next);
        }

        scheduler.Arm(_id, next);
    }

    private async Task ReleaseTrackAsync()
    {
        try
        {
            await GrainFactory.Reference<ISectorGrain>(SectorKeys.GrainKey(State.SectorId, _drillId)).ReleaseIncident(State.TrackId, _id);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Incident {Incident}: could not release track {Track} in {Sector}", _id, State.TrackId, State.SectorId);
        }
    }

    /// <summary>
    /// A closed incident is history: its state is stored and it holds no deadline, so the activation (state,
    /// ladder, the view's lists) is released after this call instead of after the silo's idle collection age.
    /// </summary>
    private void LetGoIfClosed()
    {
        if (State.Closed)
        {
            DeactivateOnIdle();
        }
    }

    private IncidentView View() => IncidentLadder.ToView(State, _id, _drillId);
}
