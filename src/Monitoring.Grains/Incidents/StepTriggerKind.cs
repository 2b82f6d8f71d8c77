namespace Monitoring.Grains.Incidents;

public enum StepTriggerKind
{
    Open,
    Acked,
    StillCrossed,
    Returned,
}
