namespace Monitoring.Contracts.Mdl;

/// <summary>
/// Everything needed to rebuild one MDL version on any silo: the base data set is deterministic,
/// so the version, the policy and the surveys applied on top of it are enough.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.MdlDefinition")]
public sealed record MdlDefinition
{
    [Id(0)] public required long Version { get; init; }
    /// <summary>Wire name of the policy (jcs-2025, ...).</summary>
    [Id(1)] public required string Policy { get; init; }
    [Id(2)] public required IReadOnlyList<MarkerSurvey> Surveys { get; init; }
    [Id(3)] public DateTimeOffset ChangedAt { get; init; }
}
