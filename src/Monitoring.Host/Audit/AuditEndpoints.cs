using System.Text;
using Monitoring.Grains.Audit;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;

namespace Monitoring.Host.Audit;

/// <summary>GET /api/audit: the stored records, read-only.</summary>
public static class AuditEndpoints
{
    public const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(AuthorizationPolicies.AuditRead) // docs/authorization.md: read-audit
            .WithTags("Audit")
            .WithSummary("Audit records from index `from` (default 0), at most `limit` (default 500, max 5000), "
                + "exactly as stored and hash-chained (see docs/audit.md), so a client can verify them itself.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static async Task<IResult> ListAsync(long? from, int? limit, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (from is < 0)
        {
            errors.Add(new FieldError(null, "from", "must be 0 or more"));
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new FieldError(null, "limit", $"must be from 1 to {MaxLimit}"));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Of(400, "Invalid query.", errors);
        }

        var records = await audit.ReadAsync(from ?? 0, limit ?? 500, cancellationToken);
        // The stored line of each record, not a re-serialisation: the bytes a client hashes are the ones that were chained.
        var json = new StringBuilder("[");
        for (var i = 0; i < records.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(AuditChain.Line(records[i]));
        }

        return Results.Text(json.Append(']').ToString(), "application/json", Encoding.UTF8);
    }
}
