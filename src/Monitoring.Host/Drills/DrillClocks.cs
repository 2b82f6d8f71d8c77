namespace Monitoring.Host.Drills;

using System.Collections.Concurrent;
using Monitoring.Grains.Incidents;

/// <summary>
/// The clock seam (<see cref="IClockSource"/>): live on the deployment's TimeProvider, each drill on its
/// own <see cref="DrillClock"/>. A drill this silo does not run (a leftover deadline after a restart) gets a
/// clock that never moves, so its deadlines never fire in live time.
/// </summary>
public sealed class DrillClocks(TimeProvider live) : IClockSource
{
    private readonly ConcurrentDictionary<string, DrillClock> _clocks = new(StringComparer.Ordinal);

    public TimeProvider For(string? drillId)
        => drillId is null ? live : _clocks.GetOrAdd(drillId, _ => new DrillClock(live.GetUtcNow()));

    /// <summary>The drill's clock, created at its start (the recording's first instant).</summary>
    public DrillClock Start(string drillId, DateTimeOffset start) => _clocks.GetOrAdd(drillId, _ => new DrillClock(start));

    public DrillClock? Find(string drillId) => _clocks.GetValueOrDefault(drillId);
}
