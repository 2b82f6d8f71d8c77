namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Truth;

/// <summary>
/// Ground surveillance radar: a report per target every second (1 Hz) under its own track id, 10–25 m
/// accuracy (varies per report), out to 4 km. Its micro-Doppler classifier needs 5 s of a track before it
/// names the class; until then it reports "unknown". It never sees the class better than that.
/// </summary>
public sealed class RadarModel(SensorSite radar) : ISensorModel
{
    public const double RangeM = 4000, MinAccuracyM = 10, MaxAccuracyM = 25, SettleSeconds = 5;

    public void Observe(int t, IReadOnlyList<Mover> movers, Random rng, ReportEmitter emitter)
    {
        foreach (var mover in movers)
        {
            if ((mover.SeenBy & SeenBy.Radar) == 0 || !mover.TryAt(t, out var s, out var offset) || radar.DistanceTo(s, offset) > RangeM)
            {
                continue;
            }

            var accuracy = Math.Round(MinAccuracyM + (rng.NextDouble() * (MaxAccuracyM - MinAccuracyM)), 1);
            var error = SensorNoise.Draw(rng, accuracy);
            var objectClass = t - mover.Start < SettleSeconds ? "unknown" : mover.Class;
            emitter.Emit(t, radar.Id, s, offset, error, accuracy, objectClass, mover.Count, emitter.TrackId(mover.TrackId));
        }
    }
}
