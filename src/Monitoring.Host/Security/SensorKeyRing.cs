namespace Monitoring.Host.Security;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// The accepted sensor keys, held only as SHA-256 hashes. A presented key is hashed and compared in
/// constant time, so neither memory dumps nor timing give the keys away.
/// </summary>
public sealed class SensorKeyRing
{
    private const string HashPrefix = "sha256:";
    private readonly byte[][] _hashes;

    public SensorKeyRing(IEnumerable<string> configuredKeys)
    {
        _hashes = configuredKeys
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase)
                ? Convert.FromHexString(k[HashPrefix.Length..])
                : Hash(k))
            .ToArray();
    }

    public int Count => _hashes.Length;

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return false;
        }

        var hash = Hash(presented);
        var ok = false;
        foreach (var known in _hashes)
        {
            ok |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return ok;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The form to put in configuration instead of the plain key.</summary>
    public static string HashForConfig(string key) => HashPrefix + Convert.ToHexStringLower(Hash(key));
}
