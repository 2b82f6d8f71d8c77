namespace Monitoring.Host.Problems;

/// <summary>One reason a request was refused: which report (index), which field, and why.</summary>
public sealed record FieldError(int? Index, string Field, string Reason);
