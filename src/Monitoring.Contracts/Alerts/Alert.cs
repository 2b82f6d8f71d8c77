namespace Monitoring.Contracts.Alerts;

/// <summary>An alert as api.md defines it; the hub pushes exactly this shape.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.Alert")]
public sealed record Alert
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required string SectorId { get; init; }
    [Id(2)] public required long Seq { get; init; }
    [Id(3)] public required string Kind { get; init; }
    [Id(4)] public required string Severity { get; init; }
    [Id(5)] public string? Class { get; init; }
    [Id(6)] public string? TrackId { get; init; }
    [Id(7)] public string? ReportId { get; init; }
    [Id(8)] public double? Lon { get; init; }
    [Id(9)] public double? Lat { get; init; }
    [Id(10)] public double? DepthM { get; init; }
    [Id(11)] public DateTimeOffset? ObservedAt { get; init; }
    [Id(12)] public required DateTimeOffset DecidedAt { get; init; }
    [Id(13)] public long MdlVersion { get; init; }
    [Id(14)] public string? Policy { get; init; }
    [Id(15)] public string? IncidentId { get; init; }
    [Id(16)] public string? DrillId { get; init; }
    /// <summary>Escalations: the overdue protocol step, and a note of it.</summary>
    [Id(17)] public string? StepId { get; init; }
    [Id(18)] public string? Note { get; init; }
    /// <summary>sensor-offline: the sensor that fell silent (extension).</summary>
    [Id(19)] public string? SensorId { get; init; }
}
