namespace Monitoring.LoadTests.Operators;

using System.Text;
using System.Text.Json;

/// <summary>
/// Who a signed-in operator is, as the host's token says (name, "role" and "sector" claims; docs/security.md).
/// The tool reads its own token only to choose which operator to ask for a step; the host decides every ack.
/// </summary>
public sealed record OperatorAccount(string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> Sectors)
{
    public const string OperatorRole = "operator";
    public const string DutyOfficerRole = "duty-officer";

    public bool HasRole(string role) => Roles.Contains(role);

    public bool Covers(string sectorId) => Sectors.Contains("*") || Sectors.Contains(sectorId);

    /// <summary>The claims of a JWT's payload (not verified: the host verifies it on every call).</summary>
    public static OperatorAccount FromToken(string user, string token)
    {
        var parts = token.Split('.');
        if (parts.Length < 2)
        {
            throw new FormatException($"the token of {user} is not a JWT");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        var root = document.RootElement;
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : user;
        return new OperatorAccount(name, Claims(root, "role"), Claims(root, "sector"));
    }

    private static HashSet<string> Claims(JsonElement root, string claim)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(claim, out var value))
        {
            return values;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                values.Add(item.GetString()!);
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            values.Add(value.GetString()!);
        }

        return values;
    }
}
