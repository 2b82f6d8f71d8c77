namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Truth;

/// <summary>
/// A foot patrol's sighting reports: every 30 s for each target within 400 m of the patrol, with class
/// and head count as seen, 10 m accuracy, no track id.
/// </summary>
public sealed class PatrolModel(SensorSite patrol) : ISensorModel
{
    public const double RangeM = 400, AccuracyM = 10;
    public const int PeriodSeconds = 30;

    public void Observe(int t, IReadOnlyList<Mover> movers, Random rng, ReportEmitter emitter)
    {
        if (t % PeriodSeconds != 0)
        {
            return;
        }

        foreach (var mover in movers)
        {
            if ((mover.SeenBy & SeenBy.Patrol) == 0 || !mover.TryAt(t, out var s, out var offset) || patrol.DistanceTo(s, offset) > RangeM)
            {
                continue;
            }

            var error = SensorNoise.Draw(rng, AccuracyM);
            emitter.Emit(t, patrol.Id, s, offset, error, AccuracyM, mover.Class, mover.Count, null);
        }
    }
}
