namespace Monitoring.Host.Identity;

/// <summary>Named policies (docs/authorization.md). Everything else needs only a signed-in user (the fallback policy).</summary>
public static class AuthorizationPolicies
{
    /// <summary>PUT /api/markers/{number}: admin or commander.</summary>
    public const string MarkerSurvey = "marker-survey";

    /// <summary>
    /// GET /api/audit: duty officer, commander or admin. The log holds every sector's acks, escalations, surveys
    /// and denials under the users' names, so it is for those who answer for the whole line, not for every console.
    /// </summary>
    public const string AuditRead = "audit-read";
}
