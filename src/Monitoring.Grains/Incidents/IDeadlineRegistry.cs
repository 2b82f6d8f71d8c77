namespace Monitoring.Grains.Incidents;

/// <summary>
/// The durable list of incidents with a pending deadline: incident key → next wake-up. It is what lets
/// deadlines survive a host restart: each silo's <see cref="DeadlineScheduler"/> loads it on start.
/// Embedded mode: a SQLite table; cluster mode: a Redis sorted set.
/// </summary>
public interface IDeadlineRegistry
{
    /// <summary>Sets (or, with null, removes) the next wake-up of an incident.</summary>
    Task SetAsync(string incidentKey, DateTimeOffset? next, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<(string IncidentKey, DateTimeOffset Next)>> LoadAsync(CancellationToken cancellationToken = default);
}
