namespace Monitoring.Contracts.Reports;

/// <summary>What one sector made of its part of a batch.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates);
