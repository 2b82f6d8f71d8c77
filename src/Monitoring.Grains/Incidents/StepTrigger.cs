namespace Monitoring.Grains.Incidents;

/// <summary>The parsed <see cref="ProtocolStep.Due"/> condition.</summary>
public readonly record struct StepTrigger(StepTriggerKind Kind, string? StepId)
{
    public const string OnOpen = "open";
    public const string OnReturned = "returned";
    public const string AckedPrefix = "acked:";
    public const string StillCrossedPrefix = "still-crossed:";

    public static bool TryParse(string? text, out StepTrigger trigger)
    {
        trigger = default;
        switch (text)
        {
            case OnOpen:
                trigger = new StepTrigger(StepTriggerKind.Open, null);
                return true;
            case OnReturned:
                trigger = new StepTrigger(StepTriggerKind.Returned, null);
                return true;
            case not null when text.StartsWith(AckedPrefix, StringComparison.Ordinal) && text.Length > AckedPrefix.Length:
                trigger = new StepTrigger(StepTriggerKind.Acked, text[AckedPrefix.Length..]);
                return true;
            case not null when text.StartsWith(StillCrossedPrefix, StringComparison.Ordinal) && text.Length > StillCrossedPrefix.Length:
                trigger = new StepTrigger(StepTriggerKind.StillCrossed, text[StillCrossedPrefix.Length..]);
                return true;
            default:
                return false;
        }
    }

    public static StepTrigger Parse(string? text)
        => TryParse(text, out var trigger) ? trigger : throw new FormatException($"'{text}' is not a step condition.");
}
