namespace Monitoring.Host.Identity;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RoleNames = Monitoring.Contracts.Identity.Roles;

/// <summary>
/// The local users who may sign in, loaded and validated once at start-up. A bad entry (unknown role,
/// malformed hash, plain password outside Development) stops the host with a message naming the entry,
/// rather than surfacing later as a user who cannot sign in.
/// </summary>
public sealed partial class OperatorDirectory
{
    private readonly Dictionary<string, OperatorAccount> _accounts;

    /// <summary>Checked for unknown names, so a miss costs as much as a wrong password and timing reveals no names.</summary>
    private readonly string _decoy;

    private OperatorDirectory(IEnumerable<OperatorAccount> accounts, bool isDemo)
    {
        _accounts = accounts.ToDictionary(a => a.Name, StringComparer.Ordinal);
        IsDemo = isDemo;
        var iterations = _accounts.Values.Select(a => PasswordHash.IterationsOf(a.PasswordHash)).DefaultIfEmpty(PasswordHash.MinimumIterations).Max();
        _decoy = PasswordHash.Create(Guid.NewGuid().ToString("N"), iterations);
    }

    public IReadOnlyCollection<OperatorAccount> Accounts => _accounts.Values;

    /// <summary>True when these are the Development demo users.</summary>
    public bool IsDemo { get; }

    /// <summary>The account when the name and password match; null otherwise (never says which part was wrong).</summary>
    public OperatorAccount? Verify(string username, string password)
    {
        var found = _accounts.GetValueOrDefault(username);
        var ok = PasswordHash.Verify(password, found?.PasswordHash ?? _decoy);
        return ok && found is not null ? found : null;
    }

    /// <summary>Builds the directory from configuration; in Development with no users, from the demo users.</summary>
    public static OperatorDirectory Load(OperatorIdentityOptions options, bool isDevelopment)
    {
        if (options.Users.Count == 0 && isDevelopment)
        {
            return new OperatorDirectory(
                DemoOperator.All.Select(d => new OperatorAccount(d.Name, PasswordHash.Create(d.Password, PasswordHash.MinimumIterations), d.Roles, d.Sectors)),
                isDemo: true);
        }

        var errors = new List<string>();
        var accounts = new List<OperatorAccount>();
        for (var i = 0; i < options.Users.Count; i++)
        {
            if (Validate(options.Users[i], $"{OperatorIdentityOptions.Section}:Users:{i}", isDevelopment, errors) is { } account)
            {
                if (accounts.Any(a => a.Name == account.Name))
                {
                    errors.Add($"{OperatorIdentityOptions.Section}:Users:{i}:Name '{account.Name}' is used twice.");
                }
                else
                {
                    accounts.Add(account);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(OperatorIdentityOptions.Section + ":Users", typeof(OperatorIdentityOptions), errors);
        }

        return new OperatorDirectory(accounts, isDemo: false);
    }

    private static OperatorAccount? Validate(ConfiguredUser user, string path, bool isDevelopment, List<string> errors)
    {
        var before = errors.Count;
        var name = user.Name?.Trim() ?? "";
        if (name.Length is 0 or > 64 || name.Any(char.IsWhiteSpace))
        {
            errors.Add($"{path}:Name is required: 1 to 64 characters, no spaces.");
        }

        var unknownRoles = user.Roles.Where(r => !RoleNames.All.Contains(r, StringComparer.Ordinal)).ToArray();
        if (unknownRoles.Length > 0)
        {
            errors.Add($"{path}:Roles has unknown role(s) {string.Join(", ", unknownRoles.Select(r => $"'{r}'"))}; known roles: {string.Join(", ", RoleNames.All)}.");
        }
        else if (user.Roles.Count == 0)
        {
            errors.Add($"{path}:Roles is empty; give at least one of: {string.Join(", ", RoleNames.All)}.");
        }

        var badSectors = user.Sectors.Where(s => s != "*" && !SectorId().IsMatch(s)).ToArray();
        if (badSectors.Length > 0)
        {
            errors.Add($"{path}:Sectors has malformed id(s) {string.Join(", ", badSectors.Select(s => $"'{s}'"))}; use ids like S12, or \"*\" for every sector.");
        }

        var hash = HashOf(user.Password, path, isDevelopment, errors);
        return errors.Count == before && hash is not null
            ? new OperatorAccount(name, hash, user.Roles.Distinct(StringComparer.Ordinal).ToArray(), user.Sectors.Distinct(StringComparer.Ordinal).ToArray())
            : null;
    }

    private static string? HashOf(string? password, string path, bool isDevelopment, List<string> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add($"{path}:Password is required ({PasswordHash.Scheme}:<iterations>:<salt>:<hash>; see docs/security.md).");
            return null;
        }

        if (PasswordHash.IsHashed(password))
        {
            if (PasswordHash.Problem(password) is { } problem)
            {
                errors.Add($"{path}:Password is not a usable hash: {problem}.");
                return null;
            }

            return password;
        }

        if (!isDevelopment)
        {
            errors.Add($"{path}:Password is plain text; outside Development store it hashed as {PasswordHash.Scheme}:<iterations>:<salt>:<hash> (see docs/security.md).");
            return null;
        }

        // Development convenience: hash it now and keep only the hash.
        return PasswordHash.Create(password, PasswordHash.MinimumIterations);
    }

    [GeneratedRegex(@"^S\d{2,3}$")]
    private static partial Regex SectorId();
}
