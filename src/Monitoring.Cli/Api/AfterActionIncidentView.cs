namespace Monitoring.Cli.Api;

/// <summary>One incident of an after-action report.</summary>
public sealed record AfterActionIncidentView
{
    public string IncidentId { get; init; } = "";

    public string SectorId { get; init; } = "";

    public string TrackId { get; init; } = "";

    public string State { get; init; } = "";

    public IReadOnlyList<AfterActionStepView> Steps { get; init; } = [];

    public IReadOnlyList<EscalationView> Escalations { get; init; } = [];
}
