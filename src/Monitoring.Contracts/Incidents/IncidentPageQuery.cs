namespace Monitoring.Contracts.Incidents;

/// <summary>
/// Which incidents <see cref="IIncidentIndexGrain.Page"/> answers: the list's filters and one page of it. The
/// order is by OpenedAt, then id; neither changes for an incident, so <see cref="After"/> is a position that
/// stays valid while incidents open and close around it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentPageQuery")]
public sealed record IncidentPageQuery
{
    /// <summary>Null for all, true/false for open/closed ones.</summary>
    [Id(0)] public bool? Open { get; init; }

    /// <summary>Null for every sector.</summary>
    [Id(1)] public string? SectorId { get; init; }

    /// <summary>An incident id: the page starts with the incident after it in the order. Null: from the start.</summary>
    [Id(2)] public string? After { get; init; }

    /// <summary>At most this many; null for the whole rest of the list.</summary>
    [Id(3)] public int? Limit { get; init; }

    [Id(4)] public bool NewestFirst { get; init; }
}
