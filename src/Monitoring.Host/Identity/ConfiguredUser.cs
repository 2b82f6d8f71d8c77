namespace Monitoring.Host.Identity;

/// <summary>One entry of Monitoring:Security:Users, as written in configuration (before validation and hashing).</summary>
public sealed class ConfiguredUser
{
    public string? Name { get; set; }

    /// <summary>"pbkdf2-sha256:..." (see <see cref="PasswordHash"/>); plain text only in Development.</summary>
    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>Sector ids such as "S12", or "*" for every sector.</summary>
    public List<string> Sectors { get; set; } = [];
}
