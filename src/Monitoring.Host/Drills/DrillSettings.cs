namespace Monitoring.Host.Drills;

/// <summary>A validated drill request: which recording (its folder), how fast (null = max), which range and sectors.</summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.DrillSettings")]
public sealed record DrillSettings
{
    [Id(0)] public required string Recording { get; init; }

    [Id(1)] public required string RecordingDirectory { get; init; }

    /// <summary>Drill seconds per wall second; null means "max" (the next record as soon as the last is done).</summary>
    [Id(2)] public double? Speed { get; init; }

    [Id(3)] public required DateTimeOffset From { get; init; }

    [Id(4)] public required DateTimeOffset To { get; init; }

    /// <summary>Only these sectors' reports (null: all).</summary>
    [Id(5)] public IReadOnlyList<string>? Sectors { get; init; }

    [Id(6)] public bool Loop { get; init; }

    [Id(7)] public required string StartedBy { get; init; }

    /// <summary>Start paused, so consoles can join before the first record (then POST .../resume).</summary>
    [Id(8)] public bool StartPaused { get; init; }
}
