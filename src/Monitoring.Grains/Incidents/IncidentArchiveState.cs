namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

[GenerateSerializer]
[Alias("monitoring.incidents.IncidentArchiveState")]
public sealed class IncidentArchiveState
{
    [Id(0)] public IncidentSummary[] Entries { get; set; } = [];
}
