namespace Monitoring.Host.Identity;

using System.Security.Claims;
using Monitoring.Host.Problems;

/// <summary>
/// For endpoint handlers: refuse a read of a sector the caller does not cover (403, audited by
/// <see cref="DenialAuditMiddleware"/>), and filter lists to covered sectors. See docs/authorization.md.
/// </summary>
public static class SectorAccess
{
    /// <summary>HttpContext.Items key under which a handler leaves the reason of its 403 for the audit entry.</summary>
    public const string DeniedReasonKey = "monitoring.auth.denied.reason";

    public static IResult Forbidden(HttpContext http, string sectorId)
        => Forbidden(http, "sector", $"not authorized for sector {sectorId}");

    public static IResult Forbidden(HttpContext http, string field, string reason)
    {
        http.Items[DeniedReasonKey] = reason;
        return ProblemResults.Single(StatusCodes.Status403Forbidden, "Not authorized.", null, field, reason);
    }

    /// <summary>The items whose sector the user covers, in their order.</summary>
    public static IEnumerable<T> Covered<T>(this ClaimsPrincipal user, IEnumerable<T> items, Func<T, string> sectorOf)
        => items.Where(i => user.CoversSector(sectorOf(i)));
}
