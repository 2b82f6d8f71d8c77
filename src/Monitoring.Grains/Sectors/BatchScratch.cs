namespace Monitoring.Grains.Sectors;

using Monitoring.Contracts.Sectors;

/// <summary>
/// The working sets of one batch decision, kept by the sector grain and emptied before each batch. Decisions
/// are made one at a time, and at 100,000 reports/s allocating them per batch was a tenth of the host's
/// allocations (docs/performance.md section 8).
/// </summary>
internal sealed class BatchScratch
{
    // A rare huge batch should not pin its capacity for the grain's lifetime.
    private const int KeptCapacity = 4096;

    public Dictionary<string, TrackState> Pending { get; private set; } = new(StringComparer.Ordinal);

    public HashSet<string> VerdictChanged { get; private set; } = new(StringComparer.Ordinal);

    public HashSet<UInt128> Keys { get; private set; } = [];

    public void Clear()
    {
        if (Keys.Count > KeptCapacity || Pending.Count > KeptCapacity)
        {
            Pending = new(StringComparer.Ordinal);
            VerdictChanged = new(StringComparer.Ordinal);
            Keys = [];
            return;
        }

        Pending.Clear();
        VerdictChanged.Clear();
        Keys.Clear();
    }
}
