namespace Monitoring.Host.Hub;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Identity;
using Monitoring.Host.Incidents;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

/// <summary>The console's incident calls (api.md hub: AcknowledgeStep).</summary>
public sealed partial class ConsoleHub
{
    /// <summary>
    /// A duty officer of every sector joins every sector's escalation group, so escalations reach him whatever
    /// he watches; Subscribe moves him from a sector's escalation group to the sector's own group. One
    /// restricted to some sectors gets them through those sectors' groups only: nothing leaks other sectors.
    /// </summary>
    private async Task JoinEscalationGroupsAsync()
    {
        if (DutyOfficerOfEverySector())
        {
            foreach (var id in mdl.Require().Sectors.Sectors.Select(s => s.SectorId))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, IncidentKeys.EscalationGroup(id));
            }
        }
    }

    private bool DutyOfficerOfEverySector()
    {
        var actor = Context.User!.ToActor();
        return actor.IsInRole(Roles.DutyOfficer) && actor.Sectors.Contains("*", StringComparer.Ordinal);
    }

    /// <summary>Acknowledges a protocol step; answers the incident view, or fails with "404|403|409: reason".</summary>
    public async Task<IncidentView> AcknowledgeStep(string? incidentId, string? stepId, string? note)
    {
        // Checked before any grain is made, as the HTTP endpoint does: a null or blank id threw from the grain runtime,
        // and a made-up drill's incident woke a grain (and a drill clock) of its own.
        if (!IncidentKeys.IsWellFormed(incidentId) || !await IncidentLookup.MayExistAsync(incidentId, grains))
        {
            throw Refused(404, $"{CallerValue.Quote(incidentId)} is not an incident");
        }

        if (string.IsNullOrEmpty(stepId))
        {
            throw Refused(400, "stepId is required");
        }

        if (AckNote.Problem(note) is { } noteProblem)
        {
            throw Refused(400, $"note {noteProblem}");
        }

        var result = await grains.Reference<IIncidentGrain>(incidentId).Acknowledge(stepId, Context.User!.ToActor(), note);
        return result.Outcome switch
        {
            AckOutcome.Acked => result.Incident!,
            AckOutcome.NotFound => throw Refused(404, AckNotFound.Reason(result, stepId)),
            AckOutcome.Forbidden => throw new HubException($"403: {result.Reason}"),
            _ => throw new HubException($"409: {result.Reason}"),
        };
    }
}
