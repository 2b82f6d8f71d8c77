namespace Monitoring.Host.Simulation;

/// <summary>Section Monitoring:Simulation (README "Configuration").</summary>
public sealed class SimulationOptions
{
    /// <summary>Unset: on in Development, off elsewhere. true/false forces it.</summary>
    public bool? Enabled { get; set; }

    /// <summary>A scenario name, or "all" (each plays in its own sector).</summary>
    public string Scenario { get; set; } = "all";

    /// <summary>Seed of the first run; each further run adds 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Scenario seconds per wall-clock second.</summary>
    public double Rate { get; set; } = 1;

    /// <summary>Start again (next seed) when the scenarios are played out.</summary>
    public bool Loop { get; set; } = true;
}
