namespace Monitoring.Host.Audit;

/// <summary>
/// The conditional append of <see cref="RedisAuditLog"/>. Redis has no SHA-256 in Lua, so hosts hash on their side and
/// the script only checks that nobody appended since: the list's length must still be the batch's first index.
/// Scripts run without interleaving, so the check and the RPUSH are one atomic step across all hosts.
/// </summary>
internal static class RedisAuditScript
{
    /// <summary>
    /// KEYS: the audit list. ARGV: expected length, then the stored lines.
    /// Returns {1} when appended, or {0, length, last line} when the list has moved on (nothing written).
    /// </summary>
    public const string Append =
        """
        local length = redis.call('LLEN', KEYS[1])
        if length ~= tonumber(ARGV[1]) then
          return {0, length, redis.call('LINDEX', KEYS[1], -1)}
        end
        redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
        return {1}
        """;
}
