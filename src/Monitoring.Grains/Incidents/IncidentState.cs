namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Reports;

/// <summary>An incident as stored (IPersistentState, default grain storage: SQLite or Redis).</summary>
[GenerateSerializer]
[Alias("monitoring.incidents.IncidentState")]
public sealed class IncidentState
{
    [Id(0)] public bool Opened { get; set; }
    [Id(1)] public bool Closed { get; set; }
    [Id(2)] public string SectorId { get; set; } = "";
    [Id(3)] public string TrackId { get; set; } = "";
    [Id(4)] public ObjectClass Class { get; set; }
    [Id(5)] public DateTimeOffset OpenedAt { get; set; }
    [Id(6)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(7)] public string? OpenedOn { get; set; }
    [Id(8)] public string? CloseReason { get; set; }
    /// <summary>The incident saw its track crossed at least once (else it is "ambiguous-only").</summary>
    [Id(9)] public bool EverCrossed { get; set; }
    [Id(10)] public string TrackVerdict { get; set; } = "clear";
    [Id(11)] public DateTimeOffset TrackObservedAt { get; set; }
    [Id(12)] public List<IncidentVerdict> Verdicts { get; set; } = [];
    [Id(13)] public List<StepState> Steps { get; set; } = [];
    [Id(14)] public List<IncidentEscalation> Escalations { get; set; } = [];

    public StepState? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);
}
