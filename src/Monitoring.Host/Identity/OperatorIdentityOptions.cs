namespace Monitoring.Host.Identity;

/// <summary>The identity part of Monitoring:Security (sensor keys live in Security.SecurityOptions).</summary>
public sealed class OperatorIdentityOptions
{
    public const string Section = "Monitoring:Security";

    /// <summary>HS256 key: base64 of at least 32 bytes, or a string of at least 32 characters.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public List<ConfiguredUser> Users { get; set; } = [];
}
