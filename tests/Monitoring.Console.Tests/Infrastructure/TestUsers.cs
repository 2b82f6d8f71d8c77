namespace Monitoring.Console.Tests.Infrastructure;

using System.Collections.Concurrent;
using Monitoring.Host.Identity;

public sealed record TestUser(string Name, string Password, string[] Roles, string[] Sectors);

/// <summary>The users every console test host is configured with (hashed, as outside Development).</summary>
public static class TestUsers
{
    public static readonly TestUser Operator10 = new("op10", "op10-password", ["operator"], ["S10"]);
    public static readonly TestUser Operator20 = new("op20", "op20-password", ["operator"], ["S20"]);
    public static readonly TestUser Duty = new("duty", "duty-password", ["duty-officer"], ["*"]);
    public static readonly TestUser Admin = new("admin", "admin-password", ["admin"], ["*"]);
    public static readonly TestUser Operators = new("op-many", "op-many-password", ["operator"], ["S10", "S11", "S12", "S13"]);

    public static readonly IReadOnlyList<TestUser> All = [Operator10, Operator20, Duty, Admin, Operators];

    private static readonly ConcurrentDictionary<string, string> Hashes = new();

    /// <summary>The weakest accepted hash: tests sign in often.</summary>
    public static string Hash(string password)
        => Hashes.GetOrAdd(password, p => PasswordHash.Create(p, PasswordHash.MinimumIterations));
}
