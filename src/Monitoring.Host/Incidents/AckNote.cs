namespace Monitoring.Host.Incidents;

/// <summary>
/// The note of an acknowledgement (the reason of a manual close). It is stored in the incident, written to the audit
/// log and pushed to every console of the sector with each view, so its size is bounded where it comes in (HTTP and
/// hub alike): a 1 MB note made every later push of that incident 1 MB.
/// </summary>
public static class AckNote
{
    public const int MaxLength = 2000;

    /// <summary>Why the note is refused, or null when it is fine (none is fine).</summary>
    public static string? Problem(string? note)
        => note is { Length: > MaxLength } ? $"must be at most {MaxLength} characters" : null;
}
