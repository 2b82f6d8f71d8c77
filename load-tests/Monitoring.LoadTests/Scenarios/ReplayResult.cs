namespace Monitoring.LoadTests.Scenarios;

using Monitoring.LoadTests.Target;

/// <summary>How a drill at "max" of a recording went.</summary>
public sealed record ReplayResult(string DrillId, string Recording, DrillProgress Final)
{
    public bool Finished => Final.State == "finished";

    public double ReportsPerSecond => Final.ReplaySeconds > 0 ? Final.Reports / Final.ReplaySeconds : 0;
}
