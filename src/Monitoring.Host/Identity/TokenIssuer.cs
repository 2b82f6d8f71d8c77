namespace Monitoring.Host.Identity;

using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// Issues operator tokens: HS256 JWTs from issuer "monitoring" to audience "monitoring", with the
/// user's name, one "role" claim per role and one "sector" claim per sector. The server decides every
/// read and acknowledgement from these claims, so a console never has to be trusted.
/// </summary>
public sealed class TokenIssuer(TokenSigningKey key, IOptions<OperatorIdentityOptions> options, TimeProvider clock)
{
    public const string IssuerAndAudience = "monitoring";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(OperatorAccount account)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = account.Name,
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            [MonitoringClaimTypes.Name] = account.Name,
            [MonitoringClaimTypes.Role] = account.Roles.ToArray(),
            [MonitoringClaimTypes.Sector] = account.Sectors.ToArray(),
        };
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerAndAudience,
            Audience = IssuerAndAudience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }

    /// <summary>What the bearer handler checks; the same values the issuer writes.</summary>
    public static TokenValidationParameters ValidationParameters(TokenSigningKey key) => new()
    {
        ValidIssuer = IssuerAndAudience,
        ValidAudience = IssuerAndAudience,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = MonitoringClaimTypes.Name,
        RoleClaimType = MonitoringClaimTypes.Role,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
