namespace Monitoring.Grains.Incidents;

using Microsoft.Extensions.Logging;
using Monitoring.Grains.Audit;

/// <summary>
/// The incidents' way into the audit log. The log is optional in the container (it is registered by
/// AddMonitoringAudit); without one, entries are only logged. A failed append is logged, not thrown:
/// the change it records is already durable and must not be undone by a failed audit write.
/// </summary>
public sealed class IncidentAudit(IEnumerable<IAuditLog> logs, ILogger<IncidentAudit> logger)
{
    private readonly IAuditLog? _log = logs.LastOrDefault();

    public async Task AppendAsync(AuditEntry entry)
    {
        if (_log is null)
        {
            logger.LogInformation("Audit (no log configured): {Action} {Subject} by {Actor}: {Detail}", entry.Action, entry.Subject, entry.Actor, entry.Detail);
            return;
        }

        try
        {
            await _log.AppendAsync(entry);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Audit: could not append {Action} {Subject}", entry.Action, entry.Subject);
        }
    }
}
