namespace Monitoring.Simulation.Truth;

/// <summary>Which sensor kinds can pick a mover up (noise is often seen by one kind only).</summary>
[Flags]
public enum SeenBy
{
    None = 0,
    Radar = 1,
    Camera = 2,
    Fence = 4,
    Seismic = 8,
    Patrol = 16,
    All = Radar | Camera | Fence | Seismic | Patrol,
}
