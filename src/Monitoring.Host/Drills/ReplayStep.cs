namespace Monitoring.Host.Drills;

using Monitoring.Simulation.Recording;

/// <summary>
/// Consecutive recorded batches that a drill replays as one step: one move of the drill clock (to the last
/// batch's time) and one call per sector. A step spans at most <c>length</c> of recording time and
/// <c>maxReports</c> reports, and never reaches past a pending deadline, so every deadline still fires between
/// the reports that came before it and those after it. Steps are cut from the recording and the deadlines
/// alone, so a drill at 1× and at "max" replays the same steps.
/// </summary>
public sealed class ReplayStep(TimeSpan length, int maxReports)
{
    private readonly List<RecordedBatch> _batches = [];
    private DateTimeOffset _endsBefore;
    private int _reports;

    public IReadOnlyList<RecordedBatch> Batches => _batches;

    public bool IsEmpty => _batches.Count == 0;

    /// <summary>The drill time of the step's last batch.</summary>
    public DateTimeOffset LastAt { get; private set; }

    /// <summary>Whether the batch (at its drill time, recorded time + shift) may join this step.</summary>
    public bool Accepts(RecordedBatch batch, TimeSpan shift, DateTimeOffset? nextDue)
    {
        if (IsEmpty)
        {
            return true;
        }

        var at = batch.RecordedAt + shift;
        return at < _endsBefore
            && _reports + batch.Reports.Count <= maxReports
            && (nextDue is not { } due || due > at);
    }

    public void Add(RecordedBatch batch, TimeSpan shift)
    {
        var at = batch.RecordedAt + shift;
        if (IsEmpty)
        {
            _endsBefore = at + length;
        }

        _batches.Add(batch);
        _reports += batch.Reports.Count;
        LastAt = at;
    }

    public void Clear()
    {
        _batches.Clear();
        _reports = 0;
    }
}
