namespace Monitoring.Host.Drills;

/// <summary>The after-action report of a drill: every incident, its steps against their deadlines, its escalations.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.AfterActionReport")]
public sealed record AfterActionReport
{
    [Id(0)] public required string DrillId { get; init; }

    [Id(1)] public required string Recording { get; init; }

    [Id(2)] public required DateTimeOffset From { get; init; }

    [Id(3)] public required DateTimeOffset To { get; init; }

    [Id(4)] public required string Outcome { get; init; }

    [Id(5)] public required IReadOnlyList<AfterActionIncident> Incidents { get; init; }

    [Id(6)] public int StepsAcked { get; init; }

    [Id(7)] public int StepsMissed { get; init; }

    [Id(8)] public int Escalations { get; init; }
}
