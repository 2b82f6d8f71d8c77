namespace Monitoring.Host.Drills;

/// <summary>What GET /api/drills/{id} shows (the endpoint renders the speed as a number or "max").</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.DrillStatus")]
public sealed record DrillStatus
{
    [Id(0)] public required string DrillId { get; init; }

    [Id(1)] public required string Recording { get; init; }

    [Id(2)] public double? Speed { get; init; }

    [Id(3)] public required string State { get; init; }

    [Id(4)] public double Progress { get; init; }

    [Id(5)] public DateTimeOffset Clock { get; init; }

    [Id(6)] public AfterActionReport? AfterAction { get; init; }

    [Id(7)] public bool Loop { get; init; }

    [Id(8)] public int Pass { get; init; }

    [Id(9)] public long Batches { get; init; }

    [Id(10)] public long Reports { get; init; }

    [Id(11)] public long Alerts { get; init; }

    [Id(12)] public string? Error { get; init; }

    /// <summary>Host wall-clock seconds spent replaying so far (pauses included): reports / this is the replay rate.</summary>
    [Id(13)] public double ReplaySeconds { get; init; }
}
