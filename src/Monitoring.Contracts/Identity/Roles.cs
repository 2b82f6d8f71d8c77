namespace Monitoring.Contracts.Identity;

/// <summary>The roles of api.md "Identity".</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string DutyOfficer = "duty-officer";
    public const string Commander = "commander";
    public const string DrillController = "drill-controller";
    public const string Observer = "observer";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Operator, DutyOfficer, Commander, DrillController, Observer, Admin];
}
