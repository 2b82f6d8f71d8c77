namespace Monitoring.Host.Identity;

using RoleNames = Monitoring.Contracts.Identity.Roles;

/// <summary>
/// The Development-only demo users (seeded when no users are configured, printed at start-up).
/// Their passwords are documented in docs/security.md; they never exist outside Development.
/// </summary>
public sealed record DemoOperator(string Name, string Password, string[] Roles, string[] Sectors)
{
    public static readonly IReadOnlyList<DemoOperator> All =
    [
        new("op-west", "op-west-demo", [RoleNames.Operator], SectorRange(1, 10)),
        new("op-east", "op-east-demo", [RoleNames.Operator], SectorRange(40, 51)),
        new("duty1", "duty1-demo", [RoleNames.DutyOfficer], ["*"]),
        new("duty2", "duty2-demo", [RoleNames.DutyOfficer], ["*"]),
        new("commander", "commander-demo", [RoleNames.Commander], ["*"]),
        new("drill", "drill-demo", [RoleNames.DrillController], ["*"]),
        new("observer", "observer-demo", [RoleNames.Observer], ["*"]),
        new("admin", "admin-demo", [RoleNames.Admin], ["*"]),
    ];

    /// <summary>"S01".."S10" style ids, the way the sector planner names sectors.</summary>
    public static string[] SectorRange(int first, int last)
        => Enumerable.Range(first, last - first + 1).Select(n => $"S{n:D2}").ToArray();
}
