namespace Monitoring.Host.Incidents;

using Monitoring.Contracts.Incidents;
using Monitoring.Host.Problems;

/// <summary>
/// The reason of an acknowledgement's 404, over HTTP and the hub alike. For a step the protocol does not have, the
/// grain's reason quotes the step id exactly as the caller sent it (any length, any characters); the host writes
/// that reason itself, with the id bounded and escaped like every other echoed value (<see cref="CallerValue"/>).
/// </summary>
public static class AckNotFound
{
    /// <summary>The field the 404 is about: the incident when there is none, otherwise the step.</summary>
    public static string Field(AckResult result) => result.Incident is null ? "id" : "stepId";

    public static string Reason(AckResult result, string stepId)
        => result.Incident is null
            ? result.Reason ?? "No such incident."
            : $"The protocol has no step {CallerValue.Quote(stepId)}."; // the ladder's only 404 of an open incident
}
