namespace Monitoring.Simulation.Recording;

using Monitoring.Contracts.Reports;

/// <summary>One accepted batch as the recorder wrote it: when, by which host, and its validated reports.</summary>
public sealed record RecordedBatch(DateTimeOffset RecordedAt, string Host, IReadOnlyList<SensorReport> Reports);
