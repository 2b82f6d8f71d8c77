namespace Monitoring.Host.Storage;

/// <summary>
/// The Lua commit of <see cref="RedisSectorLog"/>. Redis runs a script without interleaving other commands,
/// and the seq check comes before any write, so a rejected commit changes nothing.
/// </summary>
internal static class RedisSectorLogScript
{
    /// <summary>Result of <see cref="Commit"/>: {1, lastSeq} when applied, {0, lastSeq} when the seq check failed.</summary>
    public const int Applied = 1;

    /// <summary>
    /// KEYS: alerts (sorted set scored by seq), tracks (hash id → json), lastSeq (string).
    /// ARGV: alertCount, trackCount, removedCount, capacity, then alertCount × (seq, json),
    /// trackCount × (id, json), removedCount × id.
    /// </summary>
    public const string Commit =
        """
        local last = tonumber(redis.call('GET', KEYS[3]) or '0')
        local alertCount = tonumber(ARGV[1])
        local trackCount = tonumber(ARGV[2])
        local removedCount = tonumber(ARGV[3])
        local capacity = tonumber(ARGV[4])
        local i = 5
        if alertCount > 0 then
          if tonumber(ARGV[i]) ~= last + 1 then
            return {0, last}
          end
          for _ = 1, alertCount do
            redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
            i = i + 2
          end
          last = tonumber(ARGV[i - 2])
          redis.call('SET', KEYS[3], ARGV[i - 2])
          redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(capacity + 1))
        end
        for _ = 1, trackCount do
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
          i = i + 2
        end
        for _ = 1, removedCount do
          redis.call('HDEL', KEYS[2], ARGV[i])
          i = i + 1
        end
        return {1, last}
        """;
}
