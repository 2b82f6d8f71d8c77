namespace Monitoring.Host.Tests.Identity;

using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The table of docs/authorization.md, read from the file itself, so the document and the tests cannot
/// drift: a cell changed in the doc changes what the tests expect.
/// </summary>
public static class AuthorizationTable
{
    private static readonly Lazy<(string[] Roles, Dictionary<(string Action, string Role), string> Cells)> Parsed = new(Parse);

    public static IReadOnlyList<string> Roles => Parsed.Value.Roles;

    public static IEnumerable<string> Actions => Parsed.Value.Cells.Keys.Select(k => k.Action).Distinct();

    /// <summary>"covered", "filtered", "any", "denied" or "covered, second person".</summary>
    public static string Cell(string action, string role) => Parsed.Value.Cells[(action, role)];

    private static (string[], Dictionary<(string, string), string>) Parse()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "authorization.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| action |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/authorization.md has no '| action |' table");
        var columns = Split(lines[header]);
        var roles = columns[2..];
        var cells = new Dictionary<(string, string), string>();
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var row = Split(line);
            var action = row[0].Trim('`');
            for (var i = 0; i < roles.Length; i++)
            {
                cells[(action, roles[i])] = row[i + 2];
            }
        }

        return (roles, cells);
    }

    private static string[] Split(string line)
        => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
