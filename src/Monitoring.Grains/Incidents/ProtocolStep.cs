namespace Monitoring.Grains.Incidents;

/// <summary>
/// One rung of the response protocol, as configuration (Monitoring:Protocol:Steps:N). The ladder is data:
/// a deployment can change deadlines, roles and order without code.
/// </summary>
public sealed class ProtocolStep
{
    public string StepId { get; set; } = "";

    /// <summary>
    /// When the step becomes due: "open" (when the incident opens), "acked:STEP" (when STEP is acked),
    /// "still-crossed:STEP" (<see cref="Delay"/> after STEP's ack, only if the track is crossed then and the
    /// incident ever saw a crossing; otherwise skipped), "returned" (the track is back north).
    /// </summary>
    public string Due { get; set; } = StepTrigger.OnOpen;

    /// <summary>For "still-crossed:STEP": how long after STEP's ack the check runs.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Counted from the moment it becomes due; none means no escalation.</summary>
    public TimeSpan? Deadline { get; set; }

    /// <summary>Any of these roles may acknowledge it.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The acknowledging actor must be assigned the incident's (current) sector.</summary>
    public bool RequireSector { get; set; } = true;

    /// <summary>Two-person rule: whoever acked this step may not ack this one.</summary>
    public string? NotSameActorAs { get; set; }

    /// <summary>Acking it closes the incident.</summary>
    public bool Closes { get; set; }

    /// <summary>It may be acked before it is due when a note (the reason) is given: a manual close.</summary>
    public bool ManualWithReason { get; set; }
}
