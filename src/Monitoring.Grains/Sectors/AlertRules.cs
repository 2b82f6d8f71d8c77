namespace Monitoring.Grains.Sectors;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Reports;
using Monitoring.Geo;

/// <summary>domain.md "Tracks" and api.md "Alerts": which verdict change raises which alert, and its severity.</summary>
public static class AlertRules
{
    /// <summary>The alert kind a change from → to raises, or null when it raises nothing.</summary>
    public static string? KindFor(Verdict from, Verdict to)
    {
        if (from == to)
        {
            return null;
        }

        if (from == Verdict.Crossed && to is Verdict.Clear or Verdict.Approaching)
        {
            return AlertKinds.Returned;
        }

        return to switch
        {
            Verdict.Approaching => AlertKinds.Approaching,
            Verdict.Ambiguous => AlertKinds.Ambiguous,
            Verdict.Crossed => AlertKinds.Crossed,
            _ => null,
        };
    }

    public static string SeverityFor(string kind, ObjectClass objectClass)
    {
        if (kind == AlertKinds.Escalation)
        {
            return Severities.Critical;
        }

        if (objectClass == ObjectClass.Animal || kind == AlertKinds.Returned)
        {
            return Severities.Info;
        }

        return kind == AlertKinds.Crossed ? Severities.Critical : Severities.Warning;
    }

    public static Verdict ParseVerdict(string wire) => wire switch
    {
        "approaching" => Verdict.Approaching,
        "ambiguous" => Verdict.Ambiguous,
        "crossed" => Verdict.Crossed,
        _ => Verdict.Clear,
    };
}
