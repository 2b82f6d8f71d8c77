namespace Monitoring.Cli.Api;

/// <summary>One protocol step of an incident in an after-action report.</summary>
public sealed record AfterActionStepView
{
    public string StepId { get; init; } = "";

    public string State { get; init; } = "";

    public double? TimeToAckS { get; init; }

    public double? DeadlineS { get; init; }

    public bool Missed { get; init; }

    public bool Escalated { get; init; }
}
