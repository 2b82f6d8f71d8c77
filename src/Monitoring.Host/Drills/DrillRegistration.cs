namespace Monitoring.Host.Drills;

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Monitoring.Grains.Incidents;
using Monitoring.Grains.Publishing;
using Monitoring.Host.Hub;
using RoleNames = Monitoring.Contracts.Identity.Roles;

/// <summary>
/// The drills area: per-drill clocks behind the incidents' clock seam, the publisher that tells a drill
/// what its sectors touched, the drill-control policy and the endpoints (a drill's incident list is outside that policy).
/// </summary>
public static class DrillRegistration
{
    /// <summary>Starting and controlling drills: drill-controller or admin.</summary>
    public const string Policy = "drill-control";

    public static WebApplicationBuilder AddDrills(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new DrillClocks(sp.GetRequiredService<TimeProvider>()));

        // Registered last, so these win over the live-only defaults (IClockSource, IAlertPublisher).
        services.AddSingleton<IClockSource>(sp => sp.GetRequiredService<DrillClocks>());
        services.AddSingleton<DrillActivity>();
        services.AddSingleton<IAlertPublisher>(sp => new DrillAwarePublisher(sp.GetRequiredService<HubAlertPublisher>(), sp.GetRequiredService<DrillActivity>()));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(RoleNames.DrillController, RoleNames.Admin));
        return builder;
    }

    public static WebApplication MapDrills(this WebApplication app)
    {
        app.MapDrillEndpoints();
        app.MapDrillIncidentEndpoints();
        return app;
    }
}
