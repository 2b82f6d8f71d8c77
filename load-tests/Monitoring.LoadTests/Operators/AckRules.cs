namespace Monitoring.LoadTests.Operators;

/// <summary>
/// Who the operators ask to acknowledge a step of the default ladder, after docs/authorization.md: confirm,
/// report and warning-broadcast are the sector operator's; warning-shots a duty officer's who did not
/// acknowledge the broadcast (the two-person rule); resolve an operator's or a duty officer's. This only
/// chooses whom to ask: the host decides, and a refusal (403) makes the desk ask someone else.
/// </summary>
public static class AckRules
{
    public static bool MayAck(OperatorAccount account, IncidentSnapshot incident, string stepId)
    {
        if (!account.Covers(incident.SectorId))
        {
            return false;
        }

        return stepId switch
        {
            "confirm" or "report" or "warning-broadcast" => account.HasRole(OperatorAccount.OperatorRole),
            "warning-shots" => account.HasRole(OperatorAccount.DutyOfficerRole) && incident.Step("warning-broadcast")?.AckedBy != account.Name,
            "resolve" => account.HasRole(OperatorAccount.OperatorRole) || account.HasRole(OperatorAccount.DutyOfficerRole),
            _ => false, // a step of a configured ladder this tool does not know: left to a person
        };
    }

    /// <summary>Among those who may, the sector's operator comes first (a duty officer resolves only where no operator is assigned).</summary>
    public static int Preference(OperatorAccount account) => account.HasRole(OperatorAccount.OperatorRole) ? 0 : 1;
}
