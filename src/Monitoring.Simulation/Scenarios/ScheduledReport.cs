namespace Monitoring.Simulation.Scenarios;

using Monitoring.Simulation.Reports;

/// <summary>A report and when, from the scenario's start, it is sent.</summary>
public sealed record ScheduledReport(TimeSpan At, SimulatedReport Report);
