namespace Monitoring.Host.Hub;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Sectors;
using Monitoring.Host.Drills;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

/// <summary>
/// The console's drill calls (api.md hub: JoinDrill/LeaveDrill). Drill data flows only in the drill's own
/// groups ("drill:{id}:sector:S12"), which only these calls join, so a console that never joined sees none.
/// </summary>
public sealed partial class ConsoleHub
{
    /// <summary>Joins the drill's groups of every sector the caller covers; answers those sector ids.</summary>
    public async Task<string[]> JoinDrill(string? drillId)
    {
        var sectors = await DrillSectorsAsync(drillId);
        // Every sector the caller covers: an all-sector duty officer gets every drill escalation through them.
        foreach (var id in sectors)
        {
            await JoinSectorAsync(id, drillId);
        }

        return sectors;
    }

    public async Task LeaveDrill(string? drillId)
    {
        // A drill that is gone may still be left, but only a drill id: null named the live groups ("sector:S12"),
        // so LeaveDrill(null) silently unsubscribed the console from its live sectors.
        if (!DrillIds.IsWellFormed(drillId))
        {
            throw Refused(400, $"{CallerValue.Quote(drillId)} is not a drill id (drill-…)");
        }

        // Leaving every sector's group is harmless where the caller never joined.
        foreach (var id in mdl.Require().Sectors.Sectors.Select(s => s.SectorId))
        {
            await LeaveSectorAsync(id, drillId);
        }
    }

    private async Task<string[]> DrillSectorsAsync(string? drillId)
    {
        if (!await KnownDrills.ContainsAsync(drillId, grains))
        {
            throw Refused(404, $"Unknown drill {CallerValue.Quote(drillId)}.");
        }

        var known = mdl.Require().Sectors.Sectors.Select(s => s.SectorId);
        return Context.User!.Covered(known, id => id).ToArray();
    }
}
