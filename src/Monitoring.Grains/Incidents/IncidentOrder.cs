namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

/// <summary>
/// The order of the incident list: by OpenedAt, ties by id (ordinal), oldest or newest first. Neither key ever
/// changes for an incident, so an entry's position in this order is a paging cursor that stays valid while
/// incidents open, close or move sectors around it.
/// </summary>
public sealed class IncidentOrder : IComparer<IncidentSummary>
{
    public static readonly IncidentOrder OldestFirst = new(newestFirst: false);
    public static readonly IncidentOrder NewestFirst = new(newestFirst: true);

    private readonly bool _newestFirst;

    private IncidentOrder(bool newestFirst) => _newestFirst = newestFirst;

    public static IncidentOrder Of(bool newestFirst) => newestFirst ? NewestFirst : OldestFirst;

    public int Compare(IncidentSummary? x, IncidentSummary? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var oldestFirst = x.OpenedAt.CompareTo(y.OpenedAt) is var byTime and not 0
            ? byTime
            : string.CompareOrdinal(x.IncidentId, y.IncidentId);
        return _newestFirst ? -oldestFirst : oldestFirst;
    }
}
