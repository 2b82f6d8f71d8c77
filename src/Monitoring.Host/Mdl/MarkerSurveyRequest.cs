namespace Monitoring.Host.Mdl;

/// <summary>Body of PUT /api/markers/{number}.</summary>
public sealed record MarkerSurveyRequest(string? Status, double? Lon, double? Lat, DateTimeOffset? SurveyedAt);
