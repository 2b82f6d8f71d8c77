namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;

/// <summary>
/// A sealed chunk of closed incidents (see <see cref="SectorIncidentIndexGrain"/>). It is written once when the
/// index seals it and read only when someone lists closed incidents, so it does not stay in memory after a call.
/// </summary>
public sealed class IncidentArchiveGrain(
    [PersistentState("incidentArchive")] IPersistentState<IncidentArchiveState> chunk) : Grain, IIncidentArchiveGrain
{
    public async Task Store(IncidentSummary[] entries)
    {
        chunk.State.Entries = entries;
        await chunk.WriteStateAsync();
        DeactivateOnIdle();
    }

    public async Task Clear()
    {
        await chunk.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task<IncidentSummary[]> Entries()
    {
        DeactivateOnIdle();
        return Task.FromResult(chunk.State.Entries);
    }
}
