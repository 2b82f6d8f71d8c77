namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Truth;

/// <summary>
/// EO/IR camera: 5 m accuracy and the true class (it is what sets a track's class), every 5 s per target
/// within 2.5 km of the nearer camera, starting 2 s after the radar picks the target up (slew to cue).
/// It sends no track id: the sector associates the report with the radar track it looked at.
/// </summary>
public sealed class EoIrModel(IReadOnlyList<SensorSite> cameras) : ISensorModel
{
    public const double AccuracyM = 5, RangeM = 2500;
    public const int PeriodSeconds = 5, CueDelaySeconds = 2;

    public void Observe(int t, IReadOnlyList<Mover> movers, Random rng, ReportEmitter emitter)
    {
        foreach (var mover in movers)
        {
            var since = t - (int)Math.Ceiling(mover.Start) - CueDelaySeconds;
            if ((mover.SeenBy & SeenBy.Camera) == 0 || since < 0 || since % PeriodSeconds != 0 || !mover.TryAt(t, out var s, out var offset))
            {
                continue;
            }

            var camera = cameras.MinBy(c => c.DistanceTo(s, offset))!;
            if (camera.DistanceTo(s, offset) > RangeM)
            {
                continue;
            }

            var error = SensorNoise.Draw(rng, AccuracyM);
            emitter.Emit(t, camera.Id, s, offset, error, AccuracyM, mover.Class, mover.Count, null);
        }
    }
}
