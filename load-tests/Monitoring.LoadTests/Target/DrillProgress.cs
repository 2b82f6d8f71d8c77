namespace Monitoring.LoadTests.Target;

/// <summary>GET /api/drills/{id}, the parts the replay scenario reads.</summary>
public sealed record DrillProgress(string State, double Progress, long Reports, long Alerts, double ReplaySeconds, int? Incidents, string? Error)
{
    public bool Ended => State is "finished" or "stopped";
}
