namespace Monitoring.Host.Identity;

/// <summary>
/// The claim names our tokens carry. Short JWT names (not the long WS-* URIs) because inbound claim
/// mapping is off: what is in the token is what the server reads.
/// </summary>
public static class MonitoringClaimTypes
{
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>One claim per assigned sector; "*" means every sector.</summary>
    public const string Sector = "sector";
}
