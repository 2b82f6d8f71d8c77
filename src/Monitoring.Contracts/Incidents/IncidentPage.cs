namespace Monitoring.Contracts.Incidents;

/// <summary>One page of the incident index (<see cref="IIncidentIndexGrain.Page"/>).</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IncidentPage")]
public sealed record IncidentPage
{
    [Id(0)] public IncidentSummary[] Items { get; init; } = [];

    /// <summary>More incidents follow the last item (only ever true with a limit).</summary>
    [Id(1)] public bool More { get; init; }

    /// <summary>The query's After is not an incident of the listed sectors: nothing was listed.</summary>
    [Id(2)] public bool AfterUnknown { get; init; }
}
