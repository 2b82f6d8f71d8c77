namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

[GenerateSerializer]
[Alias("monitoring.incidents.IncidentIndexState")]
public sealed class IncidentIndexState
{
    [Id(0)] public Dictionary<string, IncidentSummary> Incidents { get; set; } = new(StringComparer.Ordinal);
}
