namespace Monitoring.Host.Ingestion;

using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

/// <summary>
/// A token bucket of reports per sensor key (<see cref="IngestionOptions.RateLimitReportsPerSecond"/>): a batch
/// takes as many tokens as it has reports, or is refused whole. Keys are the key ring's indexes, so the
/// partitions are as many as the configured keys and no presented key is kept.
/// </summary>
public sealed class SensorRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<int>? _limiter;
    private readonly int _perSecond;

    public SensorRateLimit(IOptions<IngestionOptions> options)
    {
        _perSecond = options.Value.RateLimitReportsPerSecond;
        if (_perSecond <= 0)
        {
            return;
        }

        // Refilled every 100 ms, so a sender that stays under the rate never waits for a whole second's refill.
        _limiter = PartitionedRateLimiter.Create<int, int>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _perSecond,
            TokensPerPeriod = Math.Max(1, _perSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public int ReportsPerSecond => _perSecond;

    /// <summary>Takes a batch's reports from the key's bucket; false with the time to wait when they are not there.</summary>
    public bool TryTake(int keyIndex, int reports, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }

        // A batch larger than the bucket could never pass: it takes the whole bucket instead.
        using var lease = _limiter.AttemptAcquire(keyIndex, Math.Min(reports, _perSecond));
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter?.Dispose();
}
