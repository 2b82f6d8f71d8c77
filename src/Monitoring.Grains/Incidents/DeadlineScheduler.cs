namespace Monitoring.Grains.Incidents;

using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Grains;

/// <summary>
/// Per silo: one TimeProvider timer per incident with a pending deadline, on that namespace's clock.
/// On start it loads every pending deadline from the durable <see cref="IDeadlineRegistry"/> (so deadlines
/// survive a restart); incident grains re-arm it on activation and after each change (so they survive
/// deactivation). A timer only calls the grain, through the grain factory, so the work runs in grain context;
/// firing is idempotent, and in a cluster every silo may fire the same deadline.
/// </summary>
public sealed class DeadlineScheduler(
    IGrainFactory grains,
    IDeadlineRegistry registry,
    IClockSource clocks,
    ILogger<DeadlineScheduler> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];
    private readonly ConcurrentDictionary<string, Armed> _armed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loading = Task.CompletedTask;

    /// <summary>How many incidents have a timer on this silo (for tests and diagnostics).</summary>
    public int ArmedCount => _armed.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: the host must not wait on storage to start, and the silo is up by now.
        _loading = Task.Run(() => LoadAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var key in _armed.Keys)
        {
            Disarm(key);
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Arms (or with null, disarms) the timer of an incident. Re-arming the same moment is a no-op.</summary>
    public void Arm(string incidentKey, DateTimeOffset? next)
    {
        if (next is not { } at)
        {
            Disarm(incidentKey);
            return;
        }

        if (_stopping.IsCancellationRequested || (_armed.TryGetValue(incidentKey, out var current) && current.At == at))
        {
            return;
        }

        var clock = clocks.For(IncidentKeys.DrillOf(incidentKey));
        var armed = new Armed(incidentKey, at, this);
        var due = at - clock.GetUtcNow();
        if (_armed.TryGetValue(incidentKey, out var previous))
        {
            previous.Dispose();
        }

        _armed[incidentKey] = armed;
        if (due <= TimeSpan.Zero)
        {
            armed.Fire();
            return;
        }

        // No ExecutionContext flows into the timer: a grain's request context must not leak into it.
        using (ExecutionContext.SuppressFlow())
        {
            // A drill settles its own deadlines, one incident at a time in id order, at every stop of its
            // clock; its timer only marks the moment and (its state) the incident. Firing here too would race,
            // and the seq order of simultaneous escalations would then depend on thread timing, not the recording.
            armed.Timer = IncidentKeys.DrillOf(incidentKey) is null
                ? clock.CreateTimer(static s => ((Armed)s!).Fire(), armed, due, Timeout.InfiniteTimeSpan)
                : clock.CreateTimer(static _ => { }, incidentKey, due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        foreach (var key in _armed.Keys)
        {
            Disarm(key);
        }

        _stopping.Dispose();
    }

    private void Disarm(string incidentKey)
    {
        if (_armed.TryRemove(incidentKey, out var armed))
        {
            armed.Dispose();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var pending = await registry.LoadAsync(cancellationToken);
                foreach (var (key, next) in pending)
                {
                    // A grain that re-armed meanwhile knows better; keep its moment.
                    if (!_armed.ContainsKey(key))
                    {
                        Arm(key, next);
                    }
                }

                logger.LogInformation("Deadline scheduler: {Count} incident deadline(s) armed", pending.Count);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Deadline scheduler: could not load pending deadlines (attempt {Attempt})", attempt + 1);
                await Task.Delay(RetryDelays[Math.Min(attempt, RetryDelays.Length - 1)], cancellationToken);
            }
        }
    }

    private async Task FireAsync(Armed armed)
    {
        for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                // The grain re-arms the next deadline itself.
                await grains.Reference<IIncidentGrain>(armed.Key).FireDeadlines();
                return;
            }
            catch (Exception ex) when (attempt < RetryDelays.Length)
            {
                // Retried on real time: this is a failure of the infrastructure, not a domain deadline.
                logger.LogWarning(ex, "Incident {Incident}: deadline at {At} could not be handled; retrying", armed.Key, armed.At);
                await Task.Delay(RetryDelays[attempt], _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Incident {Incident}: deadline at {At} failed; it fires again when the incident next activates", armed.Key, armed.At);
                return;
            }
        }
    }

    /// <summary>One armed timer. Firing removes it (only if it is still the current one) and calls the grain.</summary>
    private sealed class Armed(string key, DateTimeOffset at, DeadlineScheduler owner) : IDisposable
    {
        public string Key { get; } = key;

        public DateTimeOffset At { get; } = at;

        public ITimer? Timer { get; set; }

        public void Fire()
        {
            owner._armed.TryRemove(new KeyValuePair<string, Armed>(Key, this));
            Timer?.Dispose();
            // Off the caller's thread: a fake clock fires timers inside Advance().
            _ = Task.Run(() => owner.FireAsync(this));
        }

        public void Dispose() => Timer?.Dispose();
    }
}
