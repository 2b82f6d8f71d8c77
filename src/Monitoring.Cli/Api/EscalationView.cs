namespace Monitoring.Cli.Api;

/// <summary>A step that passed its deadline unacknowledged.</summary>
public sealed record EscalationView(string StepId, DateTimeOffset At);
