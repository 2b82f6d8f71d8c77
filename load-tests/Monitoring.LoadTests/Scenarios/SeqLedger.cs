namespace Monitoring.LoadTests.Scenarios;

/// <summary>
/// What one console has seen of one sector's seq: everything after Baseline up to MaxSeen except the
/// holes. Constant memory for an in-order stream; a hole is remembered until the alert turns up.
/// </summary>
public sealed class SeqLedger(long baseline)
{
    private readonly HashSet<long> _holes = [];

    public long Baseline { get; } = baseline;

    public long MaxSeen { get; private set; } = baseline;

    public long Duplicates { get; private set; }

    /// <summary>Seen out of order at least once (a gap that later filled, or never did).</summary>
    public long GapsOpened { get; private set; }

    public void Saw(long seq)
    {
        if (seq <= Baseline)
        {
            return;
        }

        if (seq == MaxSeen + 1)
        {
            MaxSeen = seq;
        }
        else if (seq > MaxSeen + 1)
        {
            for (var missing = MaxSeen + 1; missing < seq; missing++)
            {
                _holes.Add(missing);
            }

            GapsOpened++;
            MaxSeen = seq;
        }
        else if (!_holes.Remove(seq))
        {
            Duplicates++;
        }
    }

    public bool Has(long seq) => seq > Baseline && seq <= MaxSeen && !_holes.Contains(seq);
}
