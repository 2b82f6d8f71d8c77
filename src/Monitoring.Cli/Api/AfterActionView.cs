namespace Monitoring.Cli.Api;

/// <summary>The after-action report in a drill's status.</summary>
public sealed record AfterActionView
{
    public string Outcome { get; init; } = "";

    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    public IReadOnlyList<AfterActionIncidentView> Incidents { get; init; } = [];

    public int StepsAcked { get; init; }

    public int StepsMissed { get; init; }

    public int Escalations { get; init; }
}
