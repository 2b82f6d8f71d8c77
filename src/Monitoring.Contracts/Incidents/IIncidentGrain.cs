namespace Monitoring.Contracts.Incidents;

using Monitoring.Contracts.Identity;

/// <summary>
/// One incident and its response protocol. Key: the incident id (<see cref="IncidentKeys"/>).
/// Role and sector rules are enforced here, from the Actor passed in, wherever the call came from.
/// </summary>
[Alias("monitoring.IIncidentGrain")]
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>
    /// From the sector grain: opening, verdict changes, hand-over. One-way, so a sector never waits on an
    /// incident while the incident may be waiting on the sector (escalations): no call cycle, no deadlock.
    /// </summary>
    [Alias("Observe")]
    [Orleans.Concurrency.OneWay]
    Task Observe(IncidentSignal signal);

    /// <summary>The view, or null when no such incident was ever opened.</summary>
    [Alias("GetView")]
    Task<IncidentView?> GetView();

    [Alias("Acknowledge")]
    Task<AckResult> Acknowledge(string stepId, Actor actor, string? note);

    /// <summary>From the deadline scheduler: handles every deadline and check that has passed. Idempotent.</summary>
    [Alias("FireDeadlines")]
    Task FireDeadlines();
}
