namespace Monitoring.Host.Problems;

public static class ProblemRegistration
{
    /// <summary>
    /// problem+json for every error answer. A request the framework refuses before any endpoint code runs still
    /// names the field: binding failures throw (instead of a bare 400) and become field-named problems, and the
    /// framework's own 401/403/404/405/415 name what they are about (<see cref="StatusProblemFields"/>).
    /// </summary>
    public static IServiceCollection AddUnreadableRequestProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status is { } status && StatusProblemFields.For(status) is { } error
                && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Extensions["errors"] = new[] { error };
            }
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequestHandler>();
        return services;
    }
}
