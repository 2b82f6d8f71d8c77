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

        group.MapGet("/", async (string? status, string? sector, HttpContext http, MdlSnapshots mdl, IClusterClient grains) =>
        {
            var errors = new List<FieldError>();
            if (status is not (null or IncidentStates.Open or IncidentStates.Closed))
            {
                errors.Add(new FieldError(null, "status", "must be open or closed"));
            }

            if (sector is not null && !mdl.Require().Sectors.Sectors.Any(s => s.SectorId == sector))
            {
                errors.Add(new FieldError(null, "sector", $"'{sector}' is not a sector"));
            }

            if (errors.Count > 0)
            {
                return ProblemResults.Of(400, "Invalid query.", errors);
            }

            // Which sectors the caller may see is the identity area's rule (docs/authorization.md: filtered).
            Func<string, bool> coversSector = http.User.CoversSector;
            var open = status is null ? (bool?)null : status == IncidentStates.Open;
            var summaries = await grains.Reference<IIncidentIndexGrain>(IncidentKeys.IndexKey(null)).List(open, sector);
            var views = await Task.WhenAll(summaries
                .Where(s => coversSector(s.SectorId))
                .Select(s => grains.Reference<IIncidentGrain>(s.IncidentId).GetView()));
            return Results.Ok(views.OfType<IncidentView>().ToArray());
        }).WithSummary("Incidents, oldest first; status=open|closed and sector=S12 filter them.");

        group.MapGet("/{id}", async (string id, HttpContext http, IClusterClient grains) =>
        {
            var view = await grains.Reference<IIncidentGrain>(id).GetView();
            if (view is null)
            {
                return ProblemResults.Single(404, "No such incident.", null, "id", $"'{id}' is not an incident");
            }

            // docs/authorization.md: a single read of another sector's incident is a 403 (audited), not a 404.
            return http.User.CoversSector(view.SectorId)
                ? Results.Ok(view)
                : SectorAccess.Forbidden(http, view.SectorId);
        }).WithSummary("One incident: its verdicts, protocol steps and escalations.");

        group.MapPost("/{id}/steps/{stepId}/ack", async (string id, string stepId, AckRequest? body, HttpContext http, IClusterClient grains) =>
        {
            var result = await grains.Reference<IIncidentGrain>(id).Acknowledge(stepId, http.User.ToActor(), body?.Note);
            return result.Outcome switch
            {
                AckOutcome.Acked => Results.Ok(result.Incident),
                AckOutcome.NotFound => ProblemResults.Single(404, "No such incident or step.", null, result.Incident is null ? "id" : "stepId", result.Reason ?? "not found"),
                AckOutcome.Forbidden => ProblemResults.Single(403, "Not allowed to acknowledge this step.", null, "stepId", result.Reason ?? "forbidden"),
                _ => ProblemResults.Single(409, "The step cannot be acknowledged now.", null, "stepId", result.Reason ?? "conflict"),
            };
        }).WithSummary("Acknowledges a protocol step: 409 when not due or already acked, 403 when role or sector does not allow it.");
        return app;
    }
}
