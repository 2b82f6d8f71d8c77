namespace Monitoring.Contracts.Mdl;

/// <summary>A field survey of one marker: what was found, where, when and by whom.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.MarkerSurvey")]
public sealed record MarkerSurvey
{
    [Id(0)] public required int Number { get; init; }
    /// <summary>identified|damaged|lost</summary>
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public double? Lon { get; init; }
    [Id(3)] public double? Lat { get; init; }
    [Id(4)] public required DateTimeOffset SurveyedAt { get; init; }
    [Id(5)] public string? SurveyedBy { get; init; }
    [Id(6)] public DateTimeOffset RecordedAt { get; init; }
}
