namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

/// <summary>
/// The list of a namespace's incidents. Incidents are rare (a few a month), so one grain per namespace
/// with the whole list as state is plenty; it only ever answers, never calls out.
/// </summary>
public sealed class IncidentIndexGrain(
    [PersistentState("incidentIndex")] IPersistentState<IncidentIndexState> index) : Grain, IIncidentIndexGrain
{
    public async Task Upsert(IncidentSummary summary)
    {
        if (index.State.Incidents.TryGetValue(summary.IncidentId, out var known) && known == summary)
        {
            return;
        }

        index.State.Incidents[summary.IncidentId] = summary;
        await index.WriteStateAsync();
    }

    public Task<IncidentSummary[]> List(bool? open, string? sectorId)
        => Task.FromResult(index.State.Incidents.Values
            .Where(s => open is null || s.Open == open)
            .Where(s => sectorId is null || s.SectorId == sectorId)
            .OrderBy(s => s.OpenedAt)
            .ThenBy(s => s.IncidentId, StringComparer.Ordinal)
            .ToArray());
}
