namespace Monitoring.Host.Incidents;

using System.Globalization;
using Monitoring.Grains.Incidents;
using Monitoring.Host.Cluster;
using StackExchange.Redis;

/// <summary>
/// Cluster mode's deadline registry: one Redis hash "{serviceId}:incidents:deadlines", field = incident key,
/// value = next wake-up in UTC ticks (exact, unlike a sorted-set score). Every silo loads it all on start.
/// </summary>
public sealed class RedisDeadlineRegistry(RedisConnection redis, string serviceId) : IDeadlineRegistry
{
    private readonly RedisKey _key = $"{serviceId}:incidents:deadlines";

    public async Task SetAsync(string incidentKey, DateTimeOffset? next, CancellationToken cancellationToken = default)
    {
        var db = (await redis.GetAsync()).GetDatabase();
        if (next is { } at)
        {
            await db.HashSetAsync(_key, incidentKey, at.UtcTicks.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            await db.HashDeleteAsync(_key, incidentKey);
        }
    }

    public async Task<IReadOnlyList<(string IncidentKey, DateTimeOffset Next)>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var db = (await redis.GetAsync()).GetDatabase();
        var entries = await db.HashGetAllAsync(_key);
        return entries
            .Select(e => ((string)e.Name!, new DateTimeOffset(long.Parse((string)e.Value!, CultureInfo.InvariantCulture), TimeSpan.Zero)))
            .OrderBy(e => e.Item2)
            .ToArray();
    }
}
