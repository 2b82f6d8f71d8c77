namespace Monitoring.Host.Tests.Infrastructure;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Alerts;

/// <summary>Collects the alerts a console receives, and waits for them.</summary>
public sealed class AlertInbox
{
    private readonly ConcurrentQueue<Alert> _alerts = new();
    private readonly ConcurrentQueue<long> _mdlVersions = new();

    public AlertInbox(HubConnection connection)
    {
        connection.On<Alert>("alert", a => _alerts.Enqueue(a));
        connection.On<long>("mdl", v => _mdlVersions.Enqueue(v));
    }

    public IReadOnlyList<Alert> Alerts => _alerts.ToArray();

    public IReadOnlyList<long> MdlVersions => _mdlVersions.ToArray();

    public Task<IReadOnlyList<Alert>> WaitForAsync(Func<IReadOnlyList<Alert>, bool> condition, TimeSpan? timeout = null)
        => WaitAsync(() => Alerts, condition, timeout);

    public Task<IReadOnlyList<long>> WaitForMdlAsync(Func<IReadOnlyList<long>, bool> condition, TimeSpan? timeout = null)
        => WaitAsync(() => MdlVersions, condition, timeout);

    private static async Task<IReadOnlyList<T>> WaitAsync<T>(Func<IReadOnlyList<T>> read, Func<IReadOnlyList<T>, bool> condition, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var items = read();
            if (condition(items))
            {
                return items;
            }

            if (DateTime.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(25);
        }
    }
}
