namespace Monitoring.Host.Identity;

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// The HS256 key that signs and checks operator tokens. Configured as base64 (of at least 32 bytes) or
/// as a string of at least 32 characters. Only Development may run without one: it then gets a random
/// key per process, so its tokens die with the process.
/// </summary>
public sealed class TokenSigningKey
{
    public const int MinimumBytes = 32;

    private TokenSigningKey(byte[] key, bool isEphemeral)
    {
        Key = new SymmetricSecurityKey(key) { KeyId = Convert.ToHexStringLower(SHA256.HashData(key))[..16] };
        IsEphemeral = isEphemeral;
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>True for the generated Development key.</summary>
    public bool IsEphemeral { get; }

    public static TokenSigningKey Resolve(string? configured, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!isDevelopment)
            {
                throw Refuse("No token-signing key is configured. Set Monitoring:Security:SigningKey (base64 of at least 32 bytes, or a string of at least 32 characters); a demo key is generated only in Development.");
            }

            return new TokenSigningKey(RandomNumberGenerator.GetBytes(MinimumBytes), isEphemeral: true);
        }

        var text = configured.Trim();
        if (TryBase64(text) is { Length: >= MinimumBytes } bytes)
        {
            return new TokenSigningKey(bytes, isEphemeral: false);
        }

        if (text.Length >= MinimumBytes)
        {
            return new TokenSigningKey(Encoding.UTF8.GetBytes(text), isEphemeral: false);
        }

        throw Refuse($"Monitoring:Security:SigningKey is too short: give base64 of at least {MinimumBytes} bytes, or a string of at least {MinimumBytes} characters.");
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private static OptionsValidationException Refuse(string message)
        => new("Monitoring:Security:SigningKey", typeof(OperatorIdentityOptions), [message]);
}
