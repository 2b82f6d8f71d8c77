namespace Monitoring.Host.Incidents;

using Monitoring.Contracts.Incidents;
using Monitoring.Host.Drills;

/// <summary>
/// Whether a caller's incident id may be looked up at all: checked by the HTTP endpoints and the hub before they make
/// an incident grain reference, so a malformed id is a 404 naming <c>id</c> and never activates a grain.
/// </summary>
public static class IncidentLookup
{
    /// <summary>
    /// A live id needs only its form. A drill incident's id also needs a drill id of the drill form ("drill-…") and a
    /// drill this host knows (the rule of the hub's JoinDrill): waking an incident of a made-up drill would give that
    /// drill a clock of its own (DrillClocks.For adds one per drill id and never drops it), one per request.
    /// </summary>
    public static async Task<bool> MayExistAsync(string? incidentId, IGrainFactory grains)
    {
        if (!IncidentKeys.IsWellFormed(incidentId))
        {
            return false;
        }

        var drillId = IncidentKeys.DrillOf(incidentId);
        return drillId is null || await KnownDrills.ContainsAsync(drillId, grains);
    }
}
