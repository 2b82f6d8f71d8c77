namespace Monitoring.Grains.Incidents;

using Monitoring.Contracts.Identity;

/// <summary>
/// The response protocol (configuration section Monitoring:Protocol). With no steps configured, the
/// defaults of domain.md apply (<see cref="Defaults"/>); configured steps replace them as a whole.
/// </summary>
public sealed class ProtocolOptions
{
    public const string Section = "Monitoring:Protocol";

    /// <summary>An ambiguous verdict opens an incident once its run lasts longer than this (by observedAt).</summary>
    public TimeSpan AmbiguousOpensAfter { get; set; } = TimeSpan.FromSeconds(20);

    public List<ProtocolStep> Steps { get; set; } = [];

    /// <summary>domain.md "Incidents and the response protocol", as data.</summary>
    public static List<ProtocolStep> Defaults() =>
    [
        new() { StepId = "confirm", Due = StepTrigger.OnOpen, Deadline = TimeSpan.FromSeconds(60), Roles = [Roles.Operator] },
        new() { StepId = "report", Due = "acked:confirm", Deadline = TimeSpan.FromSeconds(120), Roles = [Roles.Operator] },
        new() { StepId = "warning-broadcast", Due = "acked:confirm", Deadline = TimeSpan.FromSeconds(60), Roles = [Roles.Operator] },
        new()
        {
            StepId = "warning-shots",
            Due = "still-crossed:warning-broadcast",
            Delay = TimeSpan.FromSeconds(180),
            Deadline = TimeSpan.FromSeconds(60),
            Roles = [Roles.DutyOfficer],
            NotSameActorAs = "warning-broadcast",
        },
        new()
        {
            StepId = "resolve",
            Due = StepTrigger.OnReturned,
            Roles = [Roles.Operator, Roles.DutyOfficer],
            Closes = true,
            ManualWithReason = true,
        },
    ];

    public ProtocolStep? Find(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);
}
