namespace Monitoring.Host.Mdl;

using Monitoring.Contracts.Mdl;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

/// <summary>GET /api/mdl, PUT /api/markers/{number}, GET /api/mdl/discrepancies.</summary>
public static class MdlEndpoints
{
    /// <summary>No survey can predate the markers (domain.md: set in August 1953); "0001-01-01" made a new MDL version.</summary>
    private static readonly DateTimeOffset MarkersSet = new(1953, 8, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEndpointRouteBuilder MapMdl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("MDL");
        group.MapGet("/mdl", (MdlSnapshots mdl) =>
                Results.Text(mdl.Require().ToGeoJson(), "application/geo+json"))
            .WithSummary("The current MDL version as GeoJSON: map line, UNC line, reconciled line, verified zones, disputed band, markers, sectors.");

        group.MapGet("/mdl/discrepancies", (MdlSnapshots mdl, double? minM) =>
            {
                var threshold = minM ?? 20;
                if (!double.IsFinite(threshold) || threshold < 0 || threshold > 10_000)
                {
                    return ProblemResults.Single(400, "Invalid query.", null, "minM", "must be a number from 0 to 10000");
                }

                return Results.Ok(mdl.Require().Discrepancies(threshold));
            })
            .WithSummary("Stretches where the map and UNC lines differ by more than minM metres (default 20).");

        group.MapPut("/markers/{number}", RecordSurvey)
            .RequireAuthorization(AuthorizationPolicies.MarkerSurvey)
            .WithSummary("Records a field survey of one marker; makes a new MDL version that consoles receive.");
        return app;
    }

    private static async Task<IResult> RecordSurvey(string number, MarkerSurveyRequest? body, MdlSnapshots mdl, IClusterClient grains, TimeProvider clock, HttpContext http, Monitoring.Grains.Audit.IAuditLog audit)
    {
        var current = mdl.Require();
        var count = current.Data.Markers.Count;
        if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > count)
        {
            return ProblemResults.Single(StatusCodes.Status404NotFound, "No such marker.", null, "number", $"must be a marker number from 1 to {count}");
        }

        var errors = new List<FieldError>();
        if (body is null)
        {
            return ProblemResults.Single(400, "Invalid survey.", null, "body", "send {\"status\", \"surveyedAt\", \"lon\"?, \"lat\"?}");
        }

        if (!WireNames.TryParse(body.Status, out MarkerStatus _))
        {
            errors.Add(new FieldError(null, "status", "must be identified, damaged or lost"));
        }

        if (body.SurveyedAt is not { } surveyedAt)
        {
            errors.Add(new FieldError(null, "surveyedAt", "is required (RFC 3339)"));
        }
        else if (surveyedAt > clock.GetUtcNow().AddMinutes(5))
        {
            errors.Add(new FieldError(null, "surveyedAt", "is in the future"));
        }
        else if (surveyedAt < MarkersSet)
        {
            errors.Add(new FieldError(null, "surveyedAt", "is before the markers were set (August 1953)"));
        }

        if (body.Lon.HasValue != body.Lat.HasValue)
        {
            errors.Add(new FieldError(null, body.Lon.HasValue ? "lat" : "lon", "lon and lat go together"));
        }
        else if (body.Lon is { } lon && body.Lat is { } lat)
        {
            if (!double.IsFinite(lon) || !double.IsFinite(lat) || !current.Sectors.TryLocate(lon, lat, out _))
            {
                errors.Add(new FieldError(null, "lon", "the position must be finite and inside the monitored area"));
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Of(400, "Invalid survey.", errors);
        }

        var definition = await grains.Reference<IMdlGrain>(MdlKeys.Live).RecordSurvey(new MarkerSurvey
        {
            Number = n,
            Status = body.Status!,
            Lon = body.Lon,
            Lat = body.Lat,
            SurveyedAt = body.SurveyedAt!.Value,
            SurveyedBy = http.User.Identity?.Name,
        });
        var applied = await Task.Run(() => mdl.Apply(definition));
        // Audit trail of who changed the line: the survey, then the MDL version it produced. No request token:
        // the survey is already recorded, so its entries must be written even if the client has gone.
        var actor = http.User.Identity?.Name ?? "anonymous";
        var at = clock.GetUtcNow();
        var position = body.Lon is { } surveyedLon ? FormattableString.Invariant($" at {surveyedLon},{body.Lat}") : "";
        await audit.AppendAsync(new(at, actor, "marker.surveyed", $"marker:{n}", $"status={body.Status}{position}"));
        await audit.AppendAsync(new(at, actor, "mdl.version", $"mdl:{applied.Version}", FormattableString.Invariant($"version={applied.Version} policy={WireNames.Of(applied.Policy)} marker={n}")));
        return Results.Ok(new { version = applied.Version, policy = WireNames.Of(applied.Policy), marker = n, status = body.Status });
    }
}
