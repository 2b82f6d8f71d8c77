namespace Monitoring.Host.Alerts;

using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", async (string? sector, long? after, int? limit, MdlSnapshots mdl, IClusterClient grains, HttpContext http) =>
            {
                var errors = new List<FieldError>();
                if (string.IsNullOrEmpty(sector))
                {
                    errors.Add(new FieldError(null, "sector", "is required, e.g. sector=S12"));
                }
                else if (!mdl.Require().Sectors.Sectors.Any(s => s.SectorId == sector))
                {
                    errors.Add(new FieldError(null, "sector", $"{CallerValue.Quote(sector)} is not a sector"));
                }

                if (after is < 0)
                {
                    errors.Add(new FieldError(null, "after", "must be 0 or more"));
                }

                if (limit is < 1 or > 10_000)
                {
                    errors.Add(new FieldError(null, "limit", "must be from 1 to 10000"));
                }

                if (errors.Count > 0)
                {
                    return ProblemResults.Of(400, "Invalid query.", errors);
                }

                if (!http.User.CoversSector(sector!))
                {
                    return SectorAccess.Forbidden(http, sector!);
                }

                return Results.Ok(await grains.Reference<ISectorGrain>(sector!).GetAlertsSince(after ?? 0, limit ?? 500));
            })
            .WithTags("Alerts")
            .WithSummary("Alerts of one sector after a seq (catch-up); the same data the hub pushes.");
        return app;
    }
}
