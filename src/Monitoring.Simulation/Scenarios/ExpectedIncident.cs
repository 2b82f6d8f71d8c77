namespace Monitoring.Simulation.Scenarios;

/// <summary>
/// An incident a scenario must open: for this track in this sector. AmbiguousOnly: the track never
/// crossed (it stayed in the disputed band), so the incident opens on ambiguity lasting over 20 s and
/// never reaches warning shots.
/// </summary>
public sealed record ExpectedIncident(string SectorId, string TrackId, bool AmbiguousOnly = false)
{
    public override string ToString() => $"1 incident in {SectorId} for track {TrackId}{(AmbiguousOnly ? " (ambiguous only)" : "")}";
}
