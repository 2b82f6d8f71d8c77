namespace Monitoring.Host.Tests.Infrastructure;

using Monitoring.Contracts.Identity;
using Monitoring.Host.Identity;

/// <summary>
/// The local users every <see cref="MonitoringApp"/> is configured with: one per role restricted to
/// S01–S10 ("-west"), the matching all-sector users, a second operator (S40–S51) and a user who is both
/// operator and duty officer (for the second-person rule). Passwords are name + "-pw".
/// </summary>
public static class TestUsers
{
    /// <summary>A sector the "-west" users cover, and one they do not (op-east covers it).</summary>
    public const string OwnSector = "S05";
    public const string OtherSector = "S45";

    /// <summary>Constant, so tokens from one host are valid on another configured the same (cluster tests).</summary>
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnop";

    public static readonly IReadOnlyList<TestUser> All =
    [
        new("op-west", [Roles.Operator], West),
        new("op-east", [Roles.Operator], DemoOperator.SectorRange(40, 51)),
        new("op-duty", [Roles.Operator, Roles.DutyOfficer], West),
        new("duty-west", [Roles.DutyOfficer], West),
        new("commander-west", [Roles.Commander], West),
        new("drill-west", [Roles.DrillController], West),
        new("observer-west", [Roles.Observer], West),
        new("admin-west", [Roles.Admin], West),
        new("duty1", [Roles.DutyOfficer], ["*"]),
        new("duty2", [Roles.DutyOfficer], ["*"]),
        new("commander", [Roles.Commander], ["*"]),
        new("drill", [Roles.DrillController], ["*"]),
        new("observer", [Roles.Observer], ["*"]),
        new("admin", [Roles.Admin], ["*"]),
    ];

    /// <summary>The restricted user of each role, for the authorization matrix.</summary>
    public static readonly IReadOnlyDictionary<string, string> WestUserOfRole = new Dictionary<string, string>
    {
        [Roles.Operator] = "op-west",
        [Roles.DutyOfficer] = "duty-west",
        [Roles.Commander] = "commander-west",
        [Roles.DrillController] = "drill-west",
        [Roles.Observer] = "observer-west",
        [Roles.Admin] = "admin-west",
    };

    // Hashed once per test run at the minimum cost: the hashing is tested, not its price.
    private static readonly Lazy<Dictionary<string, string?>> CachedSettings = new(() =>
    {
        var settings = new Dictionary<string, string?> { ["Monitoring:Security:SigningKey"] = SigningKey };
        for (var i = 0; i < All.Count; i++)
        {
            var user = All[i];
            var prefix = $"Monitoring:Security:Users:{i}:";
            settings[prefix + "Name"] = user.Name;
            settings[prefix + "Password"] = PasswordHash.Create(user.Password, PasswordHash.MinimumIterations);
            for (var r = 0; r < user.Roles.Length; r++)
            {
                settings[$"{prefix}Roles:{r}"] = user.Roles[r];
            }

            for (var s = 0; s < user.Sectors.Length; s++)
            {
                settings[$"{prefix}Sectors:{s}"] = user.Sectors[s];
            }
        }

        return settings;
    });

    private static string[] West => DemoOperator.SectorRange(1, 10);

    /// <summary>Configuration entries for the signing key and every test user (passwords hashed).</summary>
    public static IReadOnlyDictionary<string, string?> Settings => CachedSettings.Value;

    public static TestUser Get(string name)
        => All.FirstOrDefault(u => u.Name == name) ?? throw new ArgumentException($"No test user '{name}'.", nameof(name));
}
