namespace Monitoring.Grains.Audit;

/// <summary>Cluster mode's audit list key, shared by the hosts and the verifier: "{ServiceId}:audit".</summary>
public static class AuditRedisKey
{
    public static string For(string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return $"{serviceId}:audit";
    }
}
