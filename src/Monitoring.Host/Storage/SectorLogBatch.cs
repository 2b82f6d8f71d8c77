using Monitoring.Contracts.Alerts;

namespace Monitoring.Host.Storage;

/// <summary>Checks shared by every <see cref="Monitoring.Grains.Storage.ISectorLog"/>: alert seqs have no gaps.</summary>
internal static class SectorLogBatch
{
    /// <summary>A batch must itself be consecutive; whether it continues the stored log is the store's check.</summary>
    public static void EnsureConsecutive(IReadOnlyList<Alert> alerts)
    {
        for (var i = 1; i < alerts.Count; i++)
        {
            if (alerts[i].Seq != alerts[i - 1].Seq + 1)
            {
                throw new ArgumentException(
                    $"Alert seqs must be consecutive: {alerts[i - 1].Seq} is followed by {alerts[i].Seq}.",
                    nameof(alerts));
            }
        }
    }

    public static InvalidOperationException Gap(string sectorKey, long lastSeq, long firstSeq)
        => new($"Sector log {sectorKey} ends at seq {lastSeq}; a commit must start at {lastSeq + 1}, not {firstSeq}.");

    public static int ValidCapacity(int capacity)
        => capacity >= 1
            ? capacity
            : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Monitoring:AlertLog:Capacity must be at least 1.");
}
