namespace Monitoring.Grains.Sectors;

using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

/// <summary>
/// One decision of a sector grain (a batch, an escalation, a flush) on its way to the sector log: what to
/// commit, and how to show it once committed. The grain has already applied it to its working state.
/// </summary>
public sealed class SectorChange
{
    private readonly TaskCompletionSource _shown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    public IReadOnlyList<TrackState> Tracks { get; init; } = [];

    public IReadOnlyList<string> RemovedTrackIds { get; init; } = [];

    /// <summary>Runs after the commit, in decision order: the alerts' seq becomes visible and consoles are told.</summary>
    public Func<Task>? Show { get; init; }

    /// <summary>Completes once the change is committed and shown; faults if either failed.</summary>
    public Task Shown => _shown.Task;

    public bool IsEmpty => Alerts.Count == 0 && Tracks.Count == 0 && RemovedTrackIds.Count == 0;

    internal async Task ShowAsync()
    {
        try
        {
            if (Show is not null)
            {
                await Show();
            }

            _shown.TrySetResult();
        }
        catch (Exception ex)
        {
            _shown.TrySetException(ex);
        }
    }

    internal void Fail(Exception reason) => _shown.TrySetException(reason);
}
