namespace Monitoring.Host.Hub;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

/// <summary>
/// /hubs/console. Only the server adds a connection to a group, and only in Subscribe, so a console
/// can never listen to a sector (or a drill) it did not subscribe to through here. Every read is checked
/// against the sectors in the caller's token (docs/authorization.md); a refusal is audited.
/// </summary>
public sealed partial class ConsoleHub(IClusterClient grains, MdlSnapshots mdl, IdentityAudit audit) : Hub
{
    public override async Task OnConnectedAsync()
    {
        RememberTrackFormat();
        await JoinEscalationGroupsAsync();
        await base.OnConnectedAsync();
    }

    public async Task<ConsoleSnapshot> Subscribe(string?[]? sectorIds)
    {
        if (sectorIds is null || sectorIds.Any(id => id is null))
        {
            throw Refused(400, "sectorIds must be an array of sector ids (or [\"*\"]) without nulls");
        }

        var snapshot = mdl.Require();
        var known = snapshot.Sectors.Sectors.Select(s => s.SectorId).ToArray();
        var user = Context.User!;
        var wanted = sectorIds is ["*"]
            ? user.Covered(known, id => id).ToArray()
            : sectorIds.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var unknown = wanted.Except(known, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw Refused(404, $"Unknown sector(s): {string.Join(", ", unknown.Take(5).Select(CallerValue.Quote))}.");
        }

        // All or nothing: check every sector before joining any group.
        if (wanted.FirstOrDefault(id => !user.CoversSector(id)) is { } refused)
        {
            throw await DeniedAsync($"subscribe:{refused}", refused);
        }

        var views = await Task.WhenAll(wanted.Select(id => grains.Reference<ISectorGrain>(id).GetView()));
        var dutyOfficer = DutyOfficerOfEverySector();
        foreach (var id in wanted)
        {
            await JoinSectorAsync(id, null);
            if (dutyOfficer)
            {
                // Left only once the sector's group is joined: an escalation in between may come twice, never not at all.
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, IncidentKeys.EscalationGroup(id));
            }
        }

        return new ConsoleSnapshot(
            snapshot.Version,
            WireNamesOfPolicy(snapshot),
            views,
            views.ToDictionary(v => v.SectorId, v => v.LastSeq),
            views.SelectMany(v => v.OpenIncidents).ToArray());
    }

    public async Task<Alert[]> GetAlertsSince(string? sectorId, long afterSeq)
    {
        // The same rules as GET /api/alerts (after: 0 or more); a negative seq used to answer from the start.
        if (afterSeq < 0)
        {
            throw Refused(400, "afterSeq must be 0 or more");
        }

        var snapshot = mdl.Require();
        if (sectorId is null || !snapshot.Sectors.Sectors.Any(s => s.SectorId == sectorId))
        {
            throw Refused(404, $"Unknown sector {CallerValue.Quote(sectorId)}.");
        }

        if (!Context.User!.CoversSector(sectorId))
        {
            throw await DeniedAsync($"alerts-since:{sectorId}", sectorId);
        }

        return await grains.Reference<ISectorGrain>(sectorId).GetAlertsSince(afterSeq, 10_000);
    }

    /// <summary>A refusal the client can read: "400: …", "403: …", "404: …", "409: …" (docs/protocol.md, api.md).</summary>
    private static HubException Refused(int status, string reason) => new($"{status}: {reason}");

    /// <summary>Audits the refusal and returns the exception to throw (HubException: its message reaches the client).</summary>
    private async Task<HubException> DeniedAsync(string subject, string sectorId)
    {
        var reason = $"not authorized for sector {sectorId}";
        await audit.DeniedAsync(Context.User?.Identity?.Name ?? "anonymous", subject, reason);
        return Refused(403, reason);
    }

    private static string WireNamesOfPolicy(Monitoring.Geo.ReconciledMdl snapshot) => Monitoring.Geo.WireNames.Of(snapshot.Policy);
}
