namespace Monitoring.Host.Diagnostics;

using Monitoring.Host.Problems;
using Monitoring.Host.Security;

/// <summary>
/// GET /api/diagnostics/runtime. Not anonymous (it tells an outsider how loaded the host is), but a
/// sensor key is enough as well as an operator token, so a load generator or a monitoring agent that
/// only holds a sensor key can sample it.
/// </summary>
public static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapRuntimeDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/diagnostics/runtime", (HttpContext http, SensorKeyRing keys) =>
                http.User.Identity?.IsAuthenticated == true || keys.Accepts(http.Request.Headers["X-Api-Key"].ToString())
                    ? Results.Ok(RuntimeDiagnostics.Now())
                    : ProblemResults.Single(StatusCodes.Status401Unauthorized, "Sign in or send a sensor key.", null, "X-Api-Key", "send an operator token or a sensor key in X-Api-Key"))
            .AllowAnonymous() // checked above: a bearer token or a sensor key
            .WithName("GetRuntimeDiagnostics")
            .WithTags("Diagnostics")
            .WithSummary("(extension) Process memory (RSS, GC heap), GC counts, thread pool and CPU time, for an operator or a sensor key.")
            .Produces<RuntimeDiagnostics>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
