namespace Monitoring.Grains.Mdl;

using Monitoring.Contracts.Mdl;

[GenerateSerializer]
[Alias("monitoring.MdlGrainState")]
public sealed class MdlGrainState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public string Policy { get; set; } = "jcs-2025";
    [Id(2)] public List<MarkerSurvey> Surveys { get; set; } = [];
    [Id(3)] public DateTimeOffset ChangedAt { get; set; }
}
