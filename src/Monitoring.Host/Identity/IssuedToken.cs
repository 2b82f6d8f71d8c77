namespace Monitoring.Host.Identity;

/// <summary>The answer to POST /api/auth/token.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
