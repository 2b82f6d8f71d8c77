namespace Monitoring.LoadTests.Target;

/// <summary>One reading of GET /api/diagnostics/runtime (or of /proc for a self-hosted process).</summary>
public sealed record RuntimeSample(double? RssMb, double? GcHeapMb, int? Gen0, int? Gen1, int? Gen2);
