namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Geometry;
using Monitoring.Simulation.Truth;

/// <summary>
/// Fence/fibre sensing on the southern fence (1 km south of the base line): one alarm, at the fence, from
/// the segment that was touched, when a target crosses it. It cannot classify ("unknown") and states no
/// accuracy (the catalogue default, 10 m, applies).
/// </summary>
public sealed class FenceModel(SectorSensors sensors) : ISensorModel
{
    private readonly Dictionary<Mover, double> _lastOffset = [];

    public void Observe(int t, IReadOnlyList<Mover> movers, Random rng, ReportEmitter emitter)
    {
        foreach (var mover in movers)
        {
            if ((mover.SeenBy & SeenBy.Fence) == 0 || !mover.TryAt(t, out var s, out var offset))
            {
                continue;
            }

            if (_lastOffset.TryGetValue(mover, out var before) && (before < SectorSensors.FenceOffsetM) != (offset < SectorSensors.FenceOffsetM))
            {
                var error = SensorNoise.Draw(rng, 5);
                emitter.Emit(t, sensors.FenceAt(s).Id, s, SectorSensors.FenceOffsetM, error, null, "unknown", null, null);
            }

            _lastOffset[mover] = offset;
        }
    }
}
