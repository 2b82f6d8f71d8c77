namespace Monitoring.Simulation.Sensors;

using Monitoring.Simulation.Truth;

/// <summary>A sensor kind's behaviour: called once per scenario second with the ground truth.</summary>
public interface ISensorModel
{
    void Observe(int t, IReadOnlyList<Mover> movers, Random rng, ReportEmitter emitter);
}
