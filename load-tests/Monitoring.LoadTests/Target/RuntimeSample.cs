namespace Monitoring.LoadTests.Target;

/// <summary>
/// One reading of GET /api/diagnostics/runtime (or of /proc for a self-hosted process). CpuS: the host's CPU time
/// since it started (user and kernel, all cores), when it reports one.
/// </summary>
public sealed record RuntimeSample(double? RssMb, double? GcHeapMb, int? Gen0, int? Gen1, int? Gen2, double? CpuS = null);
