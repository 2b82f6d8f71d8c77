namespace Monitoring.Host.Health;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Storage;

/// <summary>Ready = the silo answers, the MDL is loaded, and the storage answers.</summary>
public sealed class ReadinessCheck(MdlSnapshots mdl, ISectorLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (mdl.Current is null)
        {
            return HealthCheckResult.Unhealthy("The MDL is not loaded yet (the silo may still be starting).");
        }

        try
        {
            return await log.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"MDL version {mdl.Current.Version}")
                : HealthCheckResult.Unhealthy("Storage does not answer.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Storage does not answer.", ex);
        }
    }
}
