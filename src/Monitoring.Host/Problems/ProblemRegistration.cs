namespace Monitoring.Host.Problems;

public static class ProblemRegistration
{
    /// <summary>
    /// problem+json for every error answer. A request the framework refuses before any endpoint code runs still
    /// names the field: binding failures throw (instead of a bare 400) and become field-named problems, and a
    /// body of the wrong media type (415, refused by routing) names Content-Type.
    /// </summary>
    public static IServiceCollection AddUnreadableRequestProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Extensions["errors"] = new[] { new FieldError(null, "Content-Type", "must be application/json") };
            }
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequestHandler>();
        return services;
    }
}
