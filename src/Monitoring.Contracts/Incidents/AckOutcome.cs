namespace Monitoring.Contracts.Incidents;

/// <summary>How an acknowledgement went; the API maps it to 200/404/403/409.</summary>
public enum AckOutcome
{
    Acked,
    NotFound,
    Forbidden,
    Conflict,
}
