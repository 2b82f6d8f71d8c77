namespace Monitoring.Host.Tests.Sectors;

using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Storage;

/// <summary>
/// The host's real sector log with a disk fault that can be switched on: while armed, the next commit for a
/// sector fails as a full or failing disk would. Stands in for the hardware, not for the log.
/// </summary>
public sealed class FaultySectorLog(ISectorLog inner) : ISectorLog
{
    private int _armed;

    public int Failed { get; private set; }

    /// <summary>Replaces the host's ISectorLog registration with this wrapper around it.</summary>
    public static Action<IServiceCollection> Install(Action<FaultySectorLog> created) => services =>
    {
        var original = services.Last(d => d.ServiceType == typeof(ISectorLog));
        services.Remove(original);
        services.AddSingleton<ISectorLog>(provider =>
        {
            var log = new FaultySectorLog((ISectorLog)original.ImplementationFactory!(provider));
            created(log);
            return log;
        });
    };

    /// <summary>The next commit fails.</summary>
    public void FailNextCommit() => Interlocked.Exchange(ref _armed, 1);

    public Task<SectorLogSnapshot> LoadAsync(string sectorKey, int tailSize, CancellationToken cancellationToken = default)
        => inner.LoadAsync(sectorKey, tailSize, cancellationToken);

    public Task CommitAsync(string sectorKey, IReadOnlyList<Alert> newAlerts, IReadOnlyList<TrackState> changedTracks, IReadOnlyList<string> removedTrackIds, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Failed++;
            return Task.FromException(new IOException("simulated disk failure"));
        }

        return inner.CommitAsync(sectorKey, newAlerts, changedTracks, removedTrackIds, cancellationToken);
    }

    public Task<IReadOnlyList<Alert>> ReadAlertsAsync(string sectorKey, long afterSeq, int limit, CancellationToken cancellationToken = default)
        => inner.ReadAlertsAsync(sectorKey, afterSeq, limit, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
