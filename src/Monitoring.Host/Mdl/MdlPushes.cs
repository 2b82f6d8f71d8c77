namespace Monitoring.Host.Mdl;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Hub;

/// <summary>Tells every console about a new MDL version as soon as this silo has built it.</summary>
public sealed class MdlPushes(MdlSnapshots snapshots, IHubContext<ConsoleHub> hub, ILogger<MdlPushes> logger) : IHostedService
{
    private long _lastPushed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        snapshots.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        snapshots.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(ReconciledMdl mdl)
    {
        // The first load is not news; later versions are.
        if (Interlocked.Exchange(ref _lastPushed, mdl.Version) == 0)
        {
            return;
        }

        _ = hub.Clients.All.SendAsync("mdl", mdl.Version).ContinueWith(
            t => logger.LogWarning(t.Exception, "Could not push MDL version {Version}", mdl.Version),
            TaskContinuationOptions.OnlyOnFaulted);
    }
}
