namespace Monitoring.Host.Recording;

/// <summary>GET /api/recordings item: from/to are the acceptance times of the first and last recorded batch.</summary>
public sealed record RecordingSummary(string Name, DateTimeOffset? From, DateTimeOffset? To, long ReportCount);
