namespace Monitoring.Geo;

/// <summary>One of the 1953 markers, numbered 1..N west to east.</summary>
public sealed record Marker(int Number, LonLat Position, MarkerStatus Status, DateTimeOffset? SurveyedAt);
