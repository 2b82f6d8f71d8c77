namespace Monitoring.Host.Drills;

using Monitoring.Contracts.Grains;

/// <summary>
/// Whether a caller's drill id names a drill this host knows: an id of the drill form whose grain has a status.
/// Checked before anything of a drill is woken (its incidents, its incident index, its hub groups), so a made-up id
/// is a 404 and never gives a drill a clock of its own (DrillClocks.For adds one per drill id and never drops it).
/// </summary>
public static class KnownDrills
{
    public static async Task<bool> ContainsAsync(string? drillId, IGrainFactory grains)
        => DrillIds.IsWellFormed(drillId) && await grains.Reference<IDrillGrain>(drillId).GetStatus() is not null;
}
