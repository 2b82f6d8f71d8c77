namespace Monitoring.Host.Hub;

using Monitoring.Contracts.Hub;
using Monitoring.Contracts.Sectors;

/// <summary>
/// Coalesces track positions per sector (the latest state of each moved track) and says when each sector's
/// "tracks" push is due: at most once per period, with the sectors spread over the period instead of all
/// pushed on the same tick. Pushing every sector on one tick made one burst of serialization and socket
/// writes, and of parsing on the consoles, every period; requests that arrived during it queued behind it.
/// Sectors take the period's slots in turn as they first report, so any number of sectors spreads evenly. A
/// drill's copy of a sector shares the sector's slot, so what is remembered stays as small as the sector map
/// however many drills run.
/// A sector's dictionary of latest states is emptied after a push and kept for its next positions, so a busy sector
/// does not grow a new one (and resize it as it fills) every period; it is dropped after a period with nothing to
/// push, so an ended drill's sectors are not kept.
/// Not thread-safe: <see cref="HubAlertPublisher"/> holds its lock around every call.
/// </summary>
public sealed class TrackPushSchedule
{
    private readonly long _periodTicks;
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    private readonly Dictionary<(string SectorId, string? DrillId), Dictionary<string, TrackState>>[] _pending;
    private readonly long[] _dueAt;
    private readonly long[] _pushedAt;
    private readonly bool[] _waiting; // a slot has positions to push
    private int _nextSlot;

    /// <param name="period">The shortest time between two pushes of one sector.</param>
    /// <param name="slots">How many parts the period is cut into; a sector is pushed in its own part.</param>
    /// <param name="startTicks">Now, in the ticks later calls use: slot k is first due k parts of the period later.</param>
    public TrackPushSchedule(TimeSpan period, int slots, long startTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _periodTicks = period.Ticks;
        _pending = new Dictionary<(string, string?), Dictionary<string, TrackState>>[slots];
        _dueAt = new long[slots];
        _pushedAt = new long[slots];
        _waiting = new bool[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            _pending[slot] = new();
            _dueAt[slot] = startTicks + (_periodTicks * slot / slots);
            _pushedAt[slot] = long.MinValue / 2;
        }
    }

    /// <summary>How often the pump should look for due slots: one part of the period.</summary>
    public TimeSpan Tick => TimeSpan.FromTicks(_periodTicks / _pending.Length);

    public void Add(string sectorId, string? drillId, IReadOnlyList<TrackState> tracks)
    {
        var key = (sectorId, drillId);
        if (!_slotOf.TryGetValue(sectorId, out var slot))
        {
            _slotOf[sectorId] = slot = _nextSlot;
            _nextSlot = (_nextSlot + 1) % _pending.Length;
        }

        var bySector = _pending[slot];
        if (!bySector.TryGetValue(key, out var latest))
        {
            bySector[key] = latest = new Dictionary<string, TrackState>(StringComparer.Ordinal);
        }

        foreach (var track in tracks)
        {
            latest[track.TrackId] = track;
        }

        _waiting[slot] |= tracks.Count > 0;
    }

    /// <summary>
    /// The pushes due now: the coalesced tracks of every sector whose slot is due and has something to send.
    /// Two pushes of a slot are never closer than the period, even after a late tick; a slot keeps its place
    /// in the period, so slots delayed by late ticks do not drift into each other.
    /// </summary>
    public List<TrackBatch> TakeDue(long nowTicks)
    {
        var due = new List<TrackBatch>();
        for (var slot = 0; slot < _pending.Length; slot++)
        {
            var bySector = _pending[slot];
            if (nowTicks < _dueAt[slot] || nowTicks - _pushedAt[slot] < _periodTicks || !_waiting[slot])
            {
                continue; // a due slot with nothing waiting stays due: the next positions go out at the next tick
            }

            foreach (var (key, tracks) in bySector)
            {
                if (tracks.Count == 0)
                {
                    bySector.Remove(key); // nothing since its last push (allowed while enumerating)
                    continue;
                }

                due.Add(new TrackBatch(key.SectorId, key.DrillId, tracks.Values.ToArray()));
                tracks.Clear(); // keeps its capacity for the next period's positions
            }

            _waiting[slot] = false;
            _pushedAt[slot] = nowTicks;
            while (_dueAt[slot] <= nowTicks)
            {
                _dueAt[slot] += _periodTicks;
            }
        }

        return due;
    }
}
