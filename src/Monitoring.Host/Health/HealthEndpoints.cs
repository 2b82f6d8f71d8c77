namespace Monitoring.Host.Health;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddMonitoringHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapMonitoringHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
