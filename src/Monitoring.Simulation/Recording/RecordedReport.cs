namespace Monitoring.Simulation.Recording;

using Monitoring.Contracts.Reports;

/// <summary>One recorded report with the time its batch was accepted (the drill clock follows RecordedAt).</summary>
public sealed record RecordedReport(DateTimeOffset RecordedAt, SensorReport Report);
