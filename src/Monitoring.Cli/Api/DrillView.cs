using System.Text.Json;

namespace Monitoring.Cli.Api;

/// <summary>GET /api/drills/{id} (and the pause/resume/stop answers); speed is a number or "max".</summary>
public sealed record DrillView
{
    public string DrillId { get; init; } = "";

    public string Recording { get; init; } = "";

    public JsonElement Speed { get; init; }

    public string State { get; init; } = "";

    public double Progress { get; init; }

    public DateTimeOffset Clock { get; init; }

    public AfterActionView? AfterAction { get; init; }

    public bool Loop { get; init; }

    public int Pass { get; init; }

    public long Reports { get; init; }

    public long Alerts { get; init; }

    public string? Error { get; init; }

    /// <summary>Finished or stopped: the server will not move it any more.</summary>
    public bool IsOver => State is "finished" or "stopped";
}
