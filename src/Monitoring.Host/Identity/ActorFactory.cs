namespace Monitoring.Host.Identity;

using System.Security.Claims;
using Monitoring.Contracts.Identity;

/// <summary>
/// Turns the signed-in user into the <see cref="Actor"/> that grains decide on. Built from the token's
/// claims only, never from anything the client says about itself.
/// </summary>
public static class ActorFactory
{
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true })
        {
            throw new InvalidOperationException("No signed-in user; the fallback authorization policy should have refused this call.");
        }

        var name = user.FindFirst(MonitoringClaimTypes.Name)?.Value ?? user.Identity.Name
            ?? throw new InvalidOperationException("The token carries no name.");
        return new Actor(name, Values(user, MonitoringClaimTypes.Role), Values(user, MonitoringClaimTypes.Sector));
    }

    /// <summary>True when the user is assigned this sector ("*" means every sector).</summary>
    public static bool CoversSector(this ClaimsPrincipal user, string sectorId)
        => user.HasClaim(MonitoringClaimTypes.Sector, "*") || user.HasClaim(MonitoringClaimTypes.Sector, sectorId);

    private static string[] Values(ClaimsPrincipal user, string type)
        => user.FindAll(type).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
}
