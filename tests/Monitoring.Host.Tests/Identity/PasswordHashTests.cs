namespace Monitoring.Host.Tests.Identity;

using Monitoring.Host.Identity;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_created_hash_verifies_its_password_and_nothing_else()
    {
        var hash = PasswordHash.Create("correct horse", PasswordHash.MinimumIterations);
        Assert.StartsWith("pbkdf2-sha256:100000:", hash);
        Assert.True(PasswordHash.Verify("correct horse", hash));
        Assert.False(PasswordHash.Verify("correct horsE", hash));
        Assert.False(PasswordHash.Verify("", hash));
        Assert.Null(PasswordHash.Problem(hash));
    }

    [Fact]
    public void The_default_uses_at_least_the_minimum_iterations_and_a_fresh_salt()
    {
        var a = PasswordHash.Create("same");
        var b = PasswordHash.Create("same");
        Assert.NotEqual(a, b);
        Assert.True(PasswordHash.IterationsOf(a) >= PasswordHash.MinimumIterations);
        Assert.True(PasswordHash.Verify("same", b));
    }

    [Fact]
    public void A_hash_made_elsewhere_with_the_documented_format_verifies()
    {
        // The docs/security.md recipe, done by hand: PBKDF2-HMAC-SHA256 with a known salt.
        var salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var derived = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("pw", salt, 120_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var encoded = $"pbkdf2-sha256:120000:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(derived)}";
        Assert.True(PasswordHash.Verify("pw", encoded));
    }

    [Theory]
    [InlineData("pbkdf2-sha256:99999:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iterations")]
    [InlineData("pbkdf2-sha256:100000:not base64!:AAAA", "base64")]
    [InlineData("pbkdf2-sha256:100000:AAAAAAAAAAAAAAAAAAAAAA==", "expected")]
    [InlineData("sha1:100000:AAAA:AAAA", "expected")]
    public void Malformed_or_cheap_hashes_are_refused_with_a_reason(string encoded, string reasonPart)
    {
        Assert.Contains(reasonPart, PasswordHash.Problem(encoded));
        Assert.False(PasswordHash.Verify("anything", encoded));
    }

    [Fact]
    public void Creating_below_the_minimum_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHash.Create("pw", 1_000));
}
