namespace Monitoring.Host.Identity;

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RoleNames = Monitoring.Contracts.Identity.Roles;

/// <summary>
/// Operator identity: local users, the token endpoint, bearer authentication (header, or access_token
/// on the hub), a fallback policy that makes every endpoint require a signed-in user unless it says
/// AllowAnonymous, and the audit of denials. The rules are in docs/authorization.md.
/// </summary>
public static class IdentityRegistration
{
    public static WebApplicationBuilder AddMonitoringIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var isDevelopment = builder.Environment.IsDevelopment();
        services.Configure<OperatorIdentityOptions>(builder.Configuration.GetSection(OperatorIdentityOptions.Section));

        // Resolved lazily and forced in UseMonitoringIdentity, so a bad key or user list stops start-up with its message.
        services.AddSingleton(sp => TokenSigningKey.Resolve(sp.GetRequiredService<IOptions<OperatorIdentityOptions>>().Value.SigningKey, isDevelopment));
        services.AddSingleton(sp => OperatorDirectory.Load(sp.GetRequiredService<IOptions<OperatorIdentityOptions>>().Value, isDevelopment));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<IdentityAudit>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenSigningKey>((o, key) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = TokenIssuer.ValidationParameters(key);
                o.Events = new JwtBearerEvents { OnMessageReceived = HubAccessToken.Read };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(AuthorizationPolicies.MarkerSurvey, p => p.RequireRole(RoleNames.Admin, RoleNames.Commander))
            .AddPolicy(AuthorizationPolicies.AuditRead, p => p.RequireRole(RoleNames.Admin, RoleNames.Commander, RoleNames.DutyOfficer));

        // "Request starting/finished" lines carry the query string, and with it a hub's access_token.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    /// <summary>Checks the key and users (fails start-up on a problem), then authentication, denial audit, authorization.</summary>
    public static WebApplication UseMonitoringIdentity(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<TokenSigningKey>();
        var users = app.Services.GetRequiredService<OperatorDirectory>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Security");
        if (key.IsEphemeral)
        {
            log.LogWarning("Development: the token-signing key is ephemeral (generated for this process); tokens stop working when it exits");
        }

        if (users.IsDemo)
        {
            foreach (var demo in DemoOperator.All)
            {
                log.LogWarning("Development: demo user {Name} / password {Password} ({Roles}; sectors {Sectors})",
                    demo.Name, demo.Password, string.Join(",", demo.Roles), SectorSummary(demo.Sectors));
            }
        }
        else
        {
            log.LogInformation("{Count} local user(s) configured", users.Accounts.Count);
        }

        app.UseAuthentication();
        app.UseMiddleware<DenialAuditMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app) => app.MapTokenEndpoint();

    private static string SectorSummary(string[] sectors)
        => sectors.Length > 2 ? $"{sectors[0]}–{sectors[^1]}" : string.Join(",", sectors);
}
