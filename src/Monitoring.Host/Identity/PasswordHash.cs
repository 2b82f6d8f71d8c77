namespace Monitoring.Host.Identity;

using System.Globalization;
using System.Security.Cryptography;

/// <summary>
/// Stored passwords: "pbkdf2-sha256:&lt;iterations&gt;:&lt;salt b64&gt;:&lt;hash b64&gt;". Create one for
/// configuration with <see cref="Create(string)"/> (see docs/security.md); verification re-derives with
/// the stored salt and iterations and compares in constant time.
/// </summary>
public static class PasswordHash
{
    public const string Scheme = "pbkdf2-sha256";

    /// <summary>Below this a stolen configuration is too cheap to brute-force, so it is refused.</summary>
    public const int MinimumIterations = 100_000;

    /// <summary>OWASP's current recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MaxPasswordLength = 1024;

    public static string Create(string password) => Create(password, DefaultIterations);

    public static string Create(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join(':', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when the value looks like our stored form (it may still be malformed: see <see cref="Problem"/>).</summary>
    public static bool IsHashed(string value) => value.StartsWith(Scheme + ":", StringComparison.Ordinal);

    /// <summary>Why a stored value is unusable, or null when it is fine.</summary>
    public static string? Problem(string encoded)
        => TryParse(encoded, out _, out _, out _, out var problem) ? null : problem;

    public static bool Verify(string password, string encoded)
    {
        if (password is null || password.Length > MaxPasswordLength || !TryParse(encoded, out var iterations, out var salt, out var expected, out _))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The iteration count of a valid stored value (0 if malformed); used to make decoy checks cost the same.</summary>
    public static int IterationsOf(string encoded)
        => TryParse(encoded, out var iterations, out _, out _, out _) ? iterations : 0;

    private static bool TryParse(string encoded, out int iterations, out byte[] salt, out byte[] hash, out string problem)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded.Split(':');
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            problem = $"expected {Scheme}:<iterations>:<salt base64>:<hash base64>";
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < MinimumIterations)
        {
            problem = $"iterations must be a whole number of at least {MinimumIterations}";
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            problem = "salt and hash must be base64";
            return false;
        }

        if (salt.Length < 8 || hash.Length < 16)
        {
            problem = "salt must be at least 8 bytes and hash at least 16 bytes";
            return false;
        }

        problem = "";
        return true;
    }
}
