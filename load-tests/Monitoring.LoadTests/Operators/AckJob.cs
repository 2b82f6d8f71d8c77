namespace Monitoring.LoadTests.Operators;

/// <summary>One acknowledgement the desk gave a console to send.</summary>
public sealed record AckJob(string IncidentId, string StepId, OperatorConsole Console);
