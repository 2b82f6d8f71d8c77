namespace Monitoring.Host.Incidents;

using Monitoring.Contracts.Incidents;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

/// <summary>api.md "Incidents": list, one view, and step acknowledgements.</summary>
public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents");

        group.MapGet("/", (string? status, string? sector, string? limit, string? after, string? order, HttpContext http, MdlSnapshots mdl, IClusterClient grains)
            => IncidentListing.AnswerAsync(null, status, sector, limit, after, order, http, mdl, grains))
            .WithSummary("Incidents, oldest first; status=open|closed and sector=S12 filter them; limit=1..1000, after={incidentId} and order=desc page them (Link rel=next).");

        // A drill incident's id holds a '/': one segment with it encoded ("drill-7%2FS12-2026-0007"), or two with it
        // raw (IncidentRouteId). A live id is one segment, as before.
        group.MapGet("/{id}", (string id, HttpContext http, IClusterClient grains) => GetAsync(IncidentRouteId.FromSegment(id), http, grains))
            .WithSummary("One incident: its verdicts, protocol steps and escalations (a drill incident's '/' encoded as %2F).");
        group.MapGet("/{drillId}/{localId}", (string drillId, string localId, HttpContext http, IClusterClient grains) => GetAsync(IncidentRouteId.FromSegments(drillId, localId), http, grains))
            .WithSummary("One drill incident, its id's '/' sent raw: /api/incidents/drill-7/S12-2026-0007.");
        group.MapPost("/{id}/steps/{stepId}/ack", (string id, string stepId, AckRequest? body, HttpContext http, IClusterClient grains) => AckAsync(IncidentRouteId.FromSegment(id), stepId, body, http, grains))
            .WithSummary("Acknowledges a protocol step: 409 when not due or already acked, 403 when role or sector does not allow it.");
        group.MapPost("/{drillId}/{localId}/steps/{stepId}/ack", (string drillId, string localId, string stepId, AckRequest? body, HttpContext http, IClusterClient grains) => AckAsync(IncidentRouteId.FromSegments(drillId, localId), stepId, body, http, grains))
            .WithSummary("Acknowledges a protocol step of a drill incident, its id's '/' sent raw.");
        return app;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IClusterClient grains)
    {
        var view = await IncidentLookup.MayExistAsync(id, grains) ? await grains.Reference<IIncidentGrain>(id).GetView() : null;
        if (view is null)
        {
            return ProblemResults.Single(404, "No such incident.", null, "id", $"{CallerValue.Quote(id)} is not an incident");
        }

        // docs/authorization.md: a single read of another sector's incident is a 403 (audited), not a 404. A drill's
        // incident is read under the same rule: its sector is what JoinDrill would have pushed it to.
        return http.User.CoversSector(view.SectorId)
            ? Results.Ok(view)
            : SectorAccess.Forbidden(http, view.SectorId);
    }

    private static async Task<IResult> AckAsync(string id, string stepId, AckRequest? body, HttpContext http, IClusterClient grains)
    {
        if (!await IncidentLookup.MayExistAsync(id, grains))
        {
            return ProblemResults.Single(404, "No such incident or step.", null, "id", $"{CallerValue.Quote(id)} is not an incident");
        }

        if (AckNote.Problem(body?.Note) is { } noteProblem)
        {
            return ProblemResults.Single(400, "Invalid acknowledgement.", null, "note", noteProblem);
        }

        // The grain decides who may acknowledge (role, sector, second person), for live and drill incidents alike.
        var result = await grains.Reference<IIncidentGrain>(id).Acknowledge(stepId, http.User.ToActor(), body?.Note);
        return result.Outcome switch
        {
            AckOutcome.Acked => Results.Ok(result.Incident),
            AckOutcome.NotFound => ProblemResults.Single(404, "No such incident or step.", null, AckNotFound.Field(result), AckNotFound.Reason(result, stepId)),
            AckOutcome.Forbidden => ProblemResults.Single(403, "Not allowed to acknowledge this step.", null, "stepId", result.Reason ?? "forbidden"),
            _ => ProblemResults.Single(409, "The step cannot be acknowledged now.", null, "stepId", result.Reason ?? "conflict"),
        };
    }
}
