namespace Monitoring.Contracts.Identity;

/// <summary>
/// Who is acting: a signed-in user (or "system" for deadlines and sensors). Grains decide on it,
/// so sector and role rules are enforced on the server, wherever the call came from.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("monitoring.Actor")]
public sealed record Actor(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] IReadOnlyList<string> Sectors)
{
    public static readonly Actor System = new("system", [Identity.Roles.Admin], ["*"]);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>True when the actor is assigned this sector ("*" means every sector).</summary>
    public bool CoversSector(string sectorId)
        => Sectors.Contains("*", StringComparer.Ordinal) || Sectors.Contains(sectorId, StringComparer.Ordinal);
}
