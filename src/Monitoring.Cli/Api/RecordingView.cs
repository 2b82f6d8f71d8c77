namespace Monitoring.Cli.Api;

/// <summary>One item of GET /api/recordings.</summary>
public sealed record RecordingView(string Name, DateTimeOffset? From, DateTimeOffset? To, long ReportCount);
