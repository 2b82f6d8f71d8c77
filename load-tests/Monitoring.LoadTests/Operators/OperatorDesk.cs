namespace Monitoring.LoadTests.Operators;

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.LoadTests.Measurement;

/// <summary>
/// The operator role (--operators N): N consoles signed in as real users, acknowledging every incident step
/// they may as soon as they learn it is due (from the `incident` pushes, the ack answers, and a sweep of
/// GET /api/incidents?status=open every 15 s for anything a push missed), including `resolve` once the track
/// has returned, so incidents close as they would in an operations centre. Nothing is closed by hand: a step
/// is acknowledged only when the host says it is due, and the host decides every ack.
/// It runs beside the report schedule, never in its way: pushes only queue work, acks go out on each
/// console's own connections.
/// </summary>
public sealed class OperatorDesk : IAsyncDisposable
{
    /// <summary>The Development demo users (docs/security.md): both operators, then both duty officers.</summary>
    public static readonly IReadOnlyList<(string User, string Password)> DemoRota =
        [("op-west", "op-west-demo"), ("op-east", "op-east-demo"), ("duty1", "duty1-demo"), ("duty2", "duty2-demo")];

    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(15);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OpenIncident> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private volatile List<OperatorConsole> _consoles = [];
    private Task _sweeping = Task.CompletedTask;
    private readonly Dictionary<string, int> _problems = new(StringComparer.Ordinal);
    private long _acks, _conflicts, _refused, _ackErrors, _late, _queueFull;

    /// <summary>From the moment a step was due (host clock) to its ack (host clock): the whole loop, push to ack.</summary>
    public LatencyHistogram DueToAck { get; } = new();

    public IReadOnlyList<OperatorConsole> Consoles => _consoles;

    public int OpenNow
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    public long Acks => Interlocked.Read(ref _acks);

    /// <summary>Signs in <paramref name="count"/> consoles, taking users from the rota in turn, and starts them.</summary>
    public static async Task<OperatorDesk> StartAsync(Uri baseAddress, IReadOnlyList<(string User, string Password)> rota, int count, CancellationToken cancellationToken)
    {
        var desk = new OperatorDesk();
        var consoles = new List<OperatorConsole>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var (user, password) = rota[i % rota.Count];
                consoles.Add(await OperatorConsole.StartAsync(baseAddress, user, password, desk.OnPush, cancellationToken));
            }

            // Pushes that arrive before this see no console to ask; the first sweep below picks those incidents up.
            desk._consoles = consoles;
            foreach (var console in desk._consoles)
            {
                console.Run(desk.OnAcked);
            }

            await desk.SweepAsync(cancellationToken); // incidents already open when the operators sign in
            desk._sweeping = desk.SweepLoopAsync(desk._stop.Token);
            return desk;
        }
        catch
        {
            desk._consoles = consoles;
            await desk.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops acknowledging (waits for the acks in flight, bounded) and asks the host which incidents are still
    /// open: the union of every operator's GET /api/incidents?status=open.
    /// </summary>
    public async Task<OperatorFigures> FinishAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _sweeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var console in _consoles)
        {
            await console.StopAsync(TimeSpan.FromSeconds(30));
        }

        var openAtEnd = new HashSet<string>(StringComparer.Ordinal);
        foreach (var console in _consoles.DistinctBy(c => c.Account.Name))
        {
            foreach (var view in await console.OpenIncidentsAsync(cancellationToken))
            {
                openAtEnd.Add(view.GetProperty("incidentId").GetString()!);
            }
        }

        lock (_gate)
        {
            return new OperatorFigures(
                _consoles.Count,
                _open.Count + _closed.Count,
                _closed.Count,
                openAtEnd.Count,
                Acks,
                Interlocked.Read(ref _conflicts),
                Interlocked.Read(ref _refused),
                Interlocked.Read(ref _ackErrors) + Interlocked.Read(ref _queueFull),
                Interlocked.Read(ref _late),
                DueToAck,
                Problems());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sweeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var console in _consoles)
        {
            await console.DisposeAsync();
        }

        _consoles = [];
        _stop.Dispose();
    }

    /// <summary>Takes in a view (push, ack answer or sweep) and hands out the acks it makes possible.</summary>
    internal void Observe(IncidentSnapshot incident)
    {
        if (incident.Drill)
        {
            return; // a drill's incidents are acknowledged by the drill's own participants
        }

        var jobs = new List<AckJob>();
        lock (_gate)
        {
            if (_closed.Contains(incident.IncidentId))
            {
                return;
            }

            if (incident.Closed)
            {
                _open.Remove(incident.IncidentId);
                _closed.Add(incident.IncidentId);
                return;
            }

            if (!_open.TryGetValue(incident.IncidentId, out var open))
            {
                _open[incident.IncidentId] = open = new OpenIncident();
            }

            open.Last = incident;
            Dispatch(open, jobs);
        }

        Queue(jobs);
    }

    private void OnPush(JsonElement view) => Observe(IncidentSnapshot.Parse(view));

    private void OnAcked(AckJob job, HttpStatusCode? status, JsonElement? view, string? problem)
    {
        if (status == HttpStatusCode.OK && view is { } v)
        {
            Interlocked.Increment(ref _acks);
            var incident = IncidentSnapshot.Parse(v);
            if (incident.Step(job.StepId) is { DueAt: { } due, AckedAt: { } acked } step)
            {
                DueToAck.RecordMicroseconds((long)((acked - due).TotalMilliseconds * 1000));
                if (step.DeadlineAt is { } deadline && acked > deadline)
                {
                    Interlocked.Increment(ref _late);
                }
            }

            lock (_gate)
            {
                if (_open.TryGetValue(job.IncidentId, out var open))
                {
                    open.InFlight.Remove(job.StepId);
                }
            }

            Observe(incident); // the answer is the newest view: the next steps (or closed) at once
            return;
        }

        Note(problem ?? $"{(int?)status} {job.StepId}");
        if (status == HttpStatusCode.Conflict)
        {
            Interlocked.Increment(ref _conflicts); // not due any more (the track crossed again before resolve) or already done
        }
        else if (status == HttpStatusCode.Forbidden)
        {
            Interlocked.Increment(ref _refused); // the host says this user may not: ask someone else who may
        }
        else
        {
            Interlocked.Increment(ref _ackErrors);
        }

        var jobs = new List<AckJob>();
        lock (_gate)
        {
            if (_open.TryGetValue(job.IncidentId, out var open))
            {
                open.InFlight.Remove(job.StepId);
                open.Claimed.Remove(job.StepId);
                if (status == HttpStatusCode.Forbidden)
                {
                    open.Refused.Add((job.StepId, job.Console));
                }
                else
                {
                    // Not again on the view that led here; a push, an answer or a sweep brings a newer one.
                    open.WaitForNewerView[job.StepId] = open.Last!;
                }

                Dispatch(open, jobs);
            }
        }

        Queue(jobs);
    }

    private void Note(string problem)
    {
        var kind = Regex.Replace(problem, "[0-9]+", "#");
        lock (_problems)
        {
            if (_problems.Count < 20 || _problems.ContainsKey(kind))
            {
                _problems[kind] = _problems.GetValueOrDefault(kind) + 1;
            }
        }
    }

    private Dictionary<string, int> Problems()
    {
        lock (_problems)
        {
            return new Dictionary<string, int>(_problems, StringComparer.Ordinal);
        }
    }

    // Under the gate: one claim per step, so no step is acknowledged twice by the desk. The protocol's own steps
    // go first: resolve (which closes the incident and skips whatever is left) waits until no other step is due
    // for the desk or in flight, as an operator finishes the ladder before closing the incident.
    private void Dispatch(OpenIncident open, List<AckJob> jobs)
    {
        var incident = open.Last!;
        foreach (var step in incident.Steps.OrderBy(s => s.StepId == "resolve" ? 1 : 0))
        {
            if (!step.Ackable || open.Claimed.Contains(step.StepId)
                || (open.WaitForNewerView.TryGetValue(step.StepId, out var seen) && ReferenceEquals(seen, incident)))
            {
                continue;
            }

            var candidates = _consoles
                .Where(c => !open.Refused.Contains((step.StepId, c)) && AckRules.MayAck(c.Account, incident, step.StepId))
                .ToList();
            if (candidates.Count == 0 || (step.StepId == "resolve" && open.InFlight.Count > 0))
            {
                continue;
            }

            var best = candidates.Min(c => AckRules.Preference(c.Account));
            candidates.RemoveAll(c => AckRules.Preference(c.Account) != best);
            var console = candidates[(int)((uint)StringComparer.Ordinal.GetHashCode(incident.IncidentId) % (uint)candidates.Count)];
            open.Claimed.Add(step.StepId);
            open.InFlight.Add(step.StepId);
            open.WaitForNewerView.Remove(step.StepId);
            jobs.Add(new AckJob(incident.IncidentId, step.StepId, console));
        }
    }

    private void Queue(List<AckJob> jobs)
    {
        foreach (var job in jobs)
        {
            if (!job.Console.TryQueue(job))
            {
                // Once the run is over the queues are closed, yet pushes and the answers of the last acks still
                // make jobs: those are not sent, and that is the end of the run, not an error of the host.
                if (!_stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _queueFull);
                    Note("not sent: the operator's ack queue is full");
                }

                lock (_gate)
                {
                    if (_open.TryGetValue(job.IncidentId, out var open))
                    {
                        open.Claimed.Remove(job.StepId); // the next view (a push or the sweep) asks again
                        open.InFlight.Remove(job.StepId);
                    }
                }
            }
        }
    }

    private async Task SweepLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(SweepPeriod, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await SweepAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // A loaded host may answer late; the next sweep tries again.
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var console in _consoles.DistinctBy(c => c.Account.Name))
        {
            foreach (var view in await console.OpenIncidentsAsync(cancellationToken))
            {
                Observe(IncidentSnapshot.Parse(view));
            }
        }
    }

    private sealed class OpenIncident
    {
        public IncidentSnapshot? Last { get; set; }

        /// <summary>Steps handed to a console and not refused or failed: acked, or an ack in flight.</summary>
        public HashSet<string> Claimed { get; } = new(StringComparer.Ordinal);

        /// <summary>Steps with an ack on its way (resolve waits for them).</summary>
        public HashSet<string> InFlight { get; } = new(StringComparer.Ordinal);

        public HashSet<(string StepId, OperatorConsole Console)> Refused { get; } = [];

        /// <summary>Steps whose ack failed or conflicted, with the view that led to it: not asked again on that view.</summary>
        public Dictionary<string, IncidentSnapshot> WaitForNewerView { get; } = new(StringComparer.Ordinal);
    }
}
