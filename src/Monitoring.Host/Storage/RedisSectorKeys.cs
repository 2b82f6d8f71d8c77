using StackExchange.Redis;

namespace Monitoring.Host.Storage;

/// <summary>
/// The keys of one sector's log: "{serviceId}:sector:{sectorKey}:alerts|tracks|lastSeq".
/// The sector key is wrapped in braces, a Redis Cluster hash tag, so the three keys share a slot
/// and the commit script stays legal if Redis is ever sharded.
/// </summary>
internal readonly record struct RedisSectorKeys(RedisKey Alerts, RedisKey Tracks, RedisKey LastSeq)
{
    public static RedisSectorKeys For(string serviceId, string sectorKey)
    {
        var prefix = $"{serviceId}:sector:{{{sectorKey}}}:";
        return new RedisSectorKeys(prefix + "alerts", prefix + "tracks", prefix + "lastSeq");
    }

    public RedisKey[] ToArray() => [Alerts, Tracks, LastSeq];
}
