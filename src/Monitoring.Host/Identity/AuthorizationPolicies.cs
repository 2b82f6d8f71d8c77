namespace Monitoring.Host.Identity;

/// <summary>Named policies (docs/authorization.md). Everything else needs only a signed-in user (the fallback policy).</summary>
public static class AuthorizationPolicies
{
    /// <summary>PUT /api/markers/{number}: admin or commander.</summary>
    public const string MarkerSurvey = "marker-survey";
}
