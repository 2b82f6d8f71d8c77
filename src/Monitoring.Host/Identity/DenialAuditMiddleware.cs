namespace Monitoring.Host.Identity;

using Microsoft.AspNetCore.WebUtilities;

/// <summary>
/// Writes "auth.denied" for every HTTP 403, whoever produced it (a role policy, a handler's sector
/// check, the incident protocol), so no denial path can forget the audit log. Sits between
/// authentication (to know who) and authorization (to see its 403s).
/// </summary>
public sealed class DenialAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IdentityAudit audit)
    {
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status403Forbidden)
        {
            var actor = http.User.Identity?.Name ?? "anonymous";
            var reason = http.Items.TryGetValue(SectorAccess.DeniedReasonKey, out var r) ? r as string : "role or policy";
            // Not tied to RequestAborted: a caller who hangs up must not escape the log.
            await audit.DeniedAsync(actor, $"{http.Request.Method} {http.Request.Path}{SafeQuery(http.Request)}", reason);
        }
    }

    /// <summary>The query string without access_token: a token never goes into the audit log.</summary>
    private static string SafeQuery(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
        {
            return "";
        }

        var kept = request.Query.Where(q => q.Key != HubAccessToken.QueryName)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString("", kept);
    }
}
