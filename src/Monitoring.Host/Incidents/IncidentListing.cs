namespace Monitoring.Host.Incidents;

using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Incidents;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;

/// <summary>
/// The answer of an incident list: GET /api/incidents (live) and GET /api/drills/{id}/incidents (one drill's).
/// One namespace's index answers either; the query, the paging, the link and the sector rule are the same, so a
/// console reads a drill's list exactly as it reads the live one.
/// </summary>
public static class IncidentListing
{
    /// <summary>The list of the namespace of this drill (null: live); the caller has checked that the drill exists.</summary>
    public static async Task<IResult> AnswerAsync(
        string? drillId, string? status, string? sector, string? limit, string? after, string? order, HttpContext http, MdlSnapshots mdl, IClusterClient grains)
    {
        var errors = new List<FieldError>();
        var sectors = mdl.Require().Sectors.Sectors;
        var query = IncidentListQuery.Parse(status, sector, limit, after, order, id => sectors.Any(s => s.SectorId == id), errors);
        if (query is null)
        {
            return ProblemResults.Of(400, "Invalid query.", errors);
        }

        // Which sectors the caller may see is the identity area's rule (docs/authorization.md: filtered); the
        // index applies it from the caller's Actor (the same sector claims) before it cuts the page, so a page
        // is full of the caller's sectors only.
        var page = await grains.Reference<IIncidentIndexGrain>(IncidentKeys.IndexKey(drillId)).Page(query.ToPageQuery(), http.User.ToActor());
        if (page.AfterUnknown)
        {
            return ProblemResults.Single(400, "Invalid query.", null, "after", $"{CallerValue.Quote(after)} is not an incident of this list");
        }

        // Only the page's incidents are woken (a closed one goes back to sleep right after).
        var views = await Task.WhenAll(page.Items.Select(s => grains.Reference<IIncidentGrain>(s.IncidentId).GetView()));
        if (page.More)
        {
            // The request's own path: a drill's next page stays under /api/drills/{id}/incidents.
            var next = query.NextPage($"{http.Request.PathBase}{http.Request.Path}", page.Items[^1].IncidentId);
            http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        // The view's sector is checked too: an incident that moved with its track may have left an entry behind
        // in the sector it left (IIncidentIndexGrain.Moved), and a caller of that sector only must not see where it went.
        Func<string, bool> coversSector = http.User.CoversSector;
        return Results.Ok(views.OfType<IncidentView>().Where(v => coversSector(v.SectorId)).ToArray());
    }
}
