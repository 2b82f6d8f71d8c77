namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Truth;

/// <summary>
/// Seismic (footstep) sensors: a detection every 10 s while a target is within 250 m, located to about
/// 50 m (40–60 m stated). The signature tells four legs from two ("animal"), nothing more ("unknown").
/// </summary>
public sealed class SeismicModel(IReadOnlyList<SensorSite> sensors) : ISensorModel
{
    public const double RangeM = 250, MinAccuracyM = 40, MaxAccuracyM = 60;
    public const int PeriodSeconds = 10;

    public void Observe(int t, IReadOnlyList<Mover> movers, Random rng, ReportEmitter emitter)
    {
        if (t % PeriodSeconds != 0)
        {
            return;
        }

        foreach (var mover in movers)
        {
            if ((mover.SeenBy & SeenBy.Seismic) == 0 || !mover.TryAt(t, out var s, out var offset))
            {
                continue;
            }

            foreach (var sensor in sensors)
            {
                if (sensor.DistanceTo(s, offset) > RangeM)
                {
                    continue;
                }

                var accuracy = Math.Round(MinAccuracyM + (rng.NextDouble() * (MaxAccuracyM - MinAccuracyM)));
                var error = SensorNoise.Draw(rng, accuracy);
                emitter.Emit(t, sensor.Id, s, offset, error, accuracy, mover.Class == "animal" ? "animal" : "unknown", null, null);
            }
        }
    }
}
