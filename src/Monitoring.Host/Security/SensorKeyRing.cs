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

    public bool Accepts(string? presented) => TryIdentify(presented, out _);

    /// <summary>Accepts a key and says which configured key it is (its index), e.g. to rate-limit each key apart.</summary>
    public bool TryIdentify(string? presented, out int keyIndex)
    {
        keyIndex = -1;
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return false;
        }

        var hash = Hash(presented);
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Every key is compared, match or not, so the time taken does not say which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, _hashes[i]))
            {
                keyIndex = i;
            }
        }

        return keyIndex >= 0;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The form to put in configuration instead of the plain key.</summary>
    public static string HashForConfig(string key) => HashPrefix + Convert.ToHexStringLower(Hash(key));
}
