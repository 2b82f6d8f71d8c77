namespace Monitoring.Host.Drills;

using Monitoring.Grains.Mdl;
using Monitoring.Host.Incidents;
using Monitoring.Host.Problems;

/// <summary>
/// GET /api/drills/{id}/incidents: one drill's incidents, listed as GET /api/incidents lists the live ones (same
/// query, answer and paging). Not under the drill-control policy of the other drill routes: a drill's incidents are
/// read under the live rows (docs/authorization.md), as GET /api/incidents/{drillId}%2F{localId} and JoinDrill are,
/// so whoever takes part in a drill may list what it pushes them.
/// </summary>
public static class DrillIncidentEndpoints
{
    public static IEndpointRouteBuilder MapDrillIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/drills/{id}/incidents", ListAsync)
            .WithTags("Drills")
            .WithName("ListDrillIncidents")
            .WithSummary("A drill's incidents, as GET /api/incidents lists the live ones (status, sector, limit, after, order; Link rel=next); 404 naming id for an unknown drill.");
        return app;
    }

    private static async Task<IResult> ListAsync(
        string id, string? status, string? sector, string? limit, string? after, string? order, HttpContext http, MdlSnapshots mdl, IClusterClient grains)
    {
        // Checked before the index is named: an index grain of a made-up drill id would be activated for nothing.
        if (!await KnownDrills.ContainsAsync(id, grains))
        {
            return ProblemResults.Single(StatusCodes.Status404NotFound, "No such drill.", null, "id", $"no drill {CallerValue.Quote(id)}");
        }

        return await IncidentListing.AnswerAsync(id, status, sector, limit, after, order, http, mdl, grains);
    }
}
