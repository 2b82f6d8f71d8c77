namespace Monitoring.Host.Hub;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Identity;

/// <summary>The console's incident calls (api.md hub: AcknowledgeStep).</summary>
public sealed partial class ConsoleHub
{
    /// <summary>Acknowledges a protocol step; answers the incident view, or fails with "404|403|409: reason".</summary>
    public async Task<IncidentView> AcknowledgeStep(string incidentId, string stepId, string? note)
    {
        var result = await grains.GetGrain<IIncidentGrain>(incidentId).Acknowledge(stepId, Context.User!.ToActor(), note);
        return result.Outcome switch
        {
            AckOutcome.Acked => result.Incident!,
            AckOutcome.NotFound => throw new HubException($"404: {result.Reason}"),
            AckOutcome.Forbidden => throw new HubException($"403: {result.Reason}"),
            _ => throw new HubException($"409: {result.Reason}"),
        };
    }
}
