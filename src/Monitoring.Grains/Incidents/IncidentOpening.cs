namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Geo;

/// <summary>
/// The sector grain's side of incidents (domain.md "Incidents"): when a track's new verdict opens one,
/// and what to tell the incident. "Lasting" is measured by the reports' observedAt, on each new report:
/// that is sensor time, so a replayed drill opens the same incidents at any speed, and a quiet track
/// is not judged on the silence between reports.
/// </summary>
public static class IncidentOpening
{
    public const string OnCrossed = "crossed";
    public const string OnAmbiguous = "ambiguous";

    /// <summary>observedAt of the first report of the current ambiguous run, or null when not ambiguous.</summary>
    public static DateTimeOffset? AmbiguousSince(TrackState? existing, Verdict previous, Verdict now, DateTimeOffset observedAt)
        => now != Verdict.Ambiguous ? null
            : previous == Verdict.Ambiguous ? existing?.AmbiguousSince ?? observedAt
            : observedAt;

    /// <summary>What opens an incident for this track now ("crossed" / "ambiguous"), or null.</summary>
    public static string? Opens(TrackState next, Verdict previous, Verdict now, TimeSpan ambiguousOpensAfter)
    {
        if (next.Class == ObjectClass.Animal || next.IncidentId is not null)
        {
            return null; // never for animals; at most one open incident per track
        }

        if (now == Verdict.Crossed && previous != Verdict.Crossed)
        {
            return OnCrossed;
        }

        return now == Verdict.Ambiguous && next.AmbiguousSince is { } since && next.ObservedAt - since > ambiguousOpensAfter
            ? OnAmbiguous
            : null;
    }

    public static IncidentSignal Signal(TrackState track, string? opens, string? drillId) => new()
    {
        IncidentId = track.IncidentId!,
        SectorId = track.SectorId,
        TrackId = track.TrackId,
        Class = track.Class,
        Verdict = track.Verdict,
        ObservedAt = track.ObservedAt,
        DepthM = track.DepthM,
        MdlVersion = track.MdlVersion,
        Opens = opens,
        DrillId = drillId,
    };
}
