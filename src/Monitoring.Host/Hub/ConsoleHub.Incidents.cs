namespace Monitoring.Host.Hub;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Identity;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Identity;
using Monitoring.Contracts.Grains;

/// <summary>The console's incident calls (api.md hub: AcknowledgeStep).</summary>
public sealed partial class ConsoleHub
{
    /// <summary>
    /// A duty officer of every sector joins "role:duty-officer", where escalations go (HubAlertPublisher),
    /// so they reach him whatever he subscribed to. One restricted to some sectors gets them through those
    /// sectors' groups only: the role group must not leak other sectors.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        var actor = Context.User!.ToActor();
        if (actor.IsInRole(Roles.DutyOfficer) && actor.Sectors.Contains("*", StringComparer.Ordinal))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, IncidentKeys.RoleGroup(Roles.DutyOfficer, null));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Acknowledges a protocol step; answers the incident view, or fails with "404|403|409: reason".</summary>
    public async Task<IncidentView> AcknowledgeStep(string incidentId, string stepId, string? note)
    {
        var result = await grains.Reference<IIncidentGrain>(incidentId).Acknowledge(stepId, Context.User!.ToActor(), note);
        return result.Outcome switch
        {
            AckOutcome.Acked => result.Incident!,
            AckOutcome.NotFound => throw new HubException($"404: {result.Reason}"),
            AckOutcome.Forbidden => throw new HubException($"403: {result.Reason}"),
            _ => throw new HubException($"409: {result.Reason}"),
        };
    }
}
