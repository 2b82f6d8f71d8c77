namespace Monitoring.Host.Drills;

using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Incidents;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Configuration;
using Monitoring.Host.Ingestion;
using Monitoring.Simulation.Recording;
using Monitoring.Contracts.Grains;

/// <summary>
/// One drill. Its replay loop runs in this grain's context (status calls interleave at its awaits) and,
/// for each recorded batch: moves the drill clock to the batch's time, stopping at every incident deadline
/// on the way and waiting until those deadlines are handled; feeds the batch to the drill namespace's
/// sector grains; waits until the incidents they signalled have processed the signal. So the order of
/// verdicts, alerts and incident steps depends only on the recording, never on the speed or the machine.
/// At a finite speed the loop sleeps (host clock) between steps, at most <see cref="MaxWallStep"/> at a time.
/// </summary>
public sealed class DrillGrain(
    DrillClocks clocks,
    DrillActivity activity,
    MdlSnapshots mdl,
    IncidentAudit audit,
    TimeProvider host,
    IOptions<MonitoringOptions> monitoring,
    ILogger<DrillGrain> logger) : Grain, IDrillGrain
{
    private static readonly TimeSpan MaxWallStep = TimeSpan.FromMilliseconds(250);

    // Recorded batches are replayed in steps of up to this much recording time (fewer, larger sector calls).
    // A step depends only on the recording and the deadlines, never on the speed, so replays stay identical.
    private static readonly TimeSpan StepLength = TimeSpan.FromSeconds(1);
    private const int MaxReportsPerStep = 50_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly CancellationTokenSource _stop = new();
    private string _id = "";
    private DrillSettings? _settings;
    private DrillClock? _clock;
    private TaskCompletionSource? _resumed;
    private string _state = DrillStates.Running;
    private string? _ended; // the outcome (finished or stopped) once the replay loop is over
    private int _pass;
    private long _batches;
    private long _reports;
    private string? _error;
    private AfterActionReport? _afterAction;
    private Task _run = Task.CompletedTask;
    private long _replayStarted;
    private TimeSpan? _replayTook;
    private long? _finalAlerts;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        return Task.CompletedTask;
    }

    public async Task<DrillStatus> Start(DrillSettings settings)
    {
        if (_settings is not null)
        {
            return Status()!;
        }

        _settings = settings;
        _clock = clocks.Start(_id, settings.From);
        activity.StartWatching(_id);
        DelayDeactivation(TimeSpan.FromDays(7)); // the loop lives in this activation
        if (settings.StartPaused)
        {
            _state = DrillStates.Paused;
            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await AuditAsync(settings.StartedBy, "drill.started", $"recording={settings.Recording} speed={(settings.Speed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "max")} loop={settings.Loop}");
        _run = RunAsync();
        return Status()!;
    }

    public Task<DrillStatus?> GetStatus() => Task.FromResult(Status());

    public async Task<DrillControl> Pause(string actor)
    {
        if (Refusal("paused") is { } refused)
        {
            return refused;
        }

        if (_state == DrillStates.Running)
        {
            _state = DrillStates.Paused;
            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await AuditAsync(actor, "drill.paused", null);
        }

        return new DrillControl { Status = Status() };
    }

    public async Task<DrillControl> Resume(string actor)
    {
        if (Refusal("resumed") is { } refused)
        {
            return refused;
        }

        if (_state == DrillStates.Paused)
        {
            _state = DrillStates.Running;
            _resumed?.TrySetResult();
            await AuditAsync(actor, "drill.resumed", null);
        }

        return new DrillControl { Status = Status() };
    }

    public async Task<DrillControl> Stop(string actor)
    {
        if (Refusal("stopped") is { } refused)
        {
            return refused;
        }

        await AuditAsync(actor, "drill.stop.requested", null);
        await _stop.CancelAsync();
        _resumed?.TrySetResult();
        await _run;
        return new DrillControl { Status = Status() };
    }

    /// <summary>
    /// No drill (null status), or the refusal of a drill whose replay has ended: pausing, resuming or stopping it
    /// would change nothing but the audit log, which would then tell of a pause or stop that never happened.
    /// <see cref="_ended"/> is set as soon as the replay loop is over, before the after-action report is written,
    /// so a call in between is refused too (it used to pause a drill that then finished anyway).
    /// </summary>
    private DrillControl? Refusal(string verb)
        => _settings is null ? new DrillControl()
            : _ended is { } outcome ? new DrillControl { Status = Status(), Refused = $"the drill has {outcome}; it cannot be {verb}" }
            : null;

    private DrillStatus? Status()
    {
        if (_settings is not { } s)
        {
            return null;
        }

        var now = _clock!.GetUtcNow();
        var span = (s.To - s.From).Ticks;
        var progress = _state == DrillStates.Finished ? 1.0 : span <= 0 ? 0.0 : Math.Clamp((double)(now - s.From - (PassShift(_pass))).Ticks / span, 0, 1);
        return new DrillStatus
        {
            DrillId = _id,
            Recording = s.Recording,
            Speed = s.Speed,
            State = _state,
            Progress = Math.Round(progress, 4),
            Clock = now,
            AfterAction = _afterAction,
            Loop = s.Loop,
            Pass = _pass,
            Batches = _batches,
            Reports = _reports,
            Alerts = _finalAlerts ?? activity.AlertCount(_id),
            Error = _error,
            ReplaySeconds = Math.Round((_replayTook ?? (_replayStarted == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_replayStarted))).TotalSeconds, 3),
        };
    }

    private async Task RunAsync()
    {
        var outcome = DrillStates.Finished;
        try
        {
            await Task.Yield(); // let Start answer first
            _replayStarted = Stopwatch.GetTimestamp();
            do
            {
                await ReplayPassAsync(_stop.Token);
                if (_settings!.Loop)
                {
                    _pass++;
                }
            }
            while (_settings.Loop && !_stop.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            outcome = DrillStates.Stopped;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Drill {Drill} failed", _id);
            _error = ex.Message;
            outcome = DrillStates.Stopped;
        }

        _ended = outcome;
        _replayTook = Stopwatch.GetElapsedTime(_replayStarted);
        try
        {
            await FinishAsync(outcome);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Drill {Drill}: could not write the after-action report", _id);
            _error ??= ex.Message;
        }

        _state = outcome;
        _finalAlerts = activity.AlertCount(_id); // the count ends with the watch
        activity.StopWatching(_id);
    }

    /// <summary>Between passes of a looped drill: the recording's span plus a second, so passes never overlap.</summary>
    private TimeSpan PassShift(int pass) => pass == 0 ? TimeSpan.Zero : ((_settings!.To - _settings.From) + TimeSpan.FromSeconds(1)) * pass;

    private async Task ReplayPassAsync(CancellationToken cancellationToken)
    {
        var s = _settings!;
        var shift = PassShift(_pass);
        var reader = new FeedReader(s.RecordingDirectory);
        var sectors = s.Sectors is null ? null : new HashSet<string>(s.Sectors, StringComparer.Ordinal);
        var step = new ReplayStep(StepLength, MaxReportsPerStep);
        foreach (var batch in reader.ReadBatches())
        {
            if (batch.RecordedAt < s.From || batch.RecordedAt > s.To)
            {
                continue;
            }

            if (!step.Accepts(batch, shift, _clock!.NextDue))
            {
                await ReplayStepAsync(step, sectors, shift, cancellationToken);
            }

            step.Add(batch, shift);
        }

        await ReplayStepAsync(step, sectors, shift, cancellationToken);
        await AdvanceToAsync(s.To + shift, cancellationToken);
    }

    /// <summary>Moves the drill clock to the step's last batch (settling deadlines on the way), then feeds the step.</summary>
    private async Task ReplayStepAsync(ReplayStep step, HashSet<string>? sectors, TimeSpan shift, CancellationToken cancellationToken)
    {
        if (step.IsEmpty)
        {
            return;
        }

        await AdvanceToAsync(step.LastAt, cancellationToken);
        await IngestAsync(step.Batches, sectors, shift, cancellationToken);
        step.Clear();
    }

    private async Task AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        var clock = _clock!;
        while (true)
        {
            await WhilePausedAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var next = clock.NextDue;
            var stepTo = next is { } n && n < target ? n : target;
            if (stepTo <= now)
            {
                if (next is { } due && due <= now)
                {
                    await SettleDeadlinesAsync(clock.AdvanceTo(now));
                    continue;
                }

                return;
            }

            if (_settings!.Speed is { } speed)
            {
                // Computed, not measured: the drill instants are the same however late the host wakes.
                var wall = TimeSpan.FromTicks((long)((stepTo - now).Ticks / speed));
                if (wall > MaxWallStep)
                {
                    wall = MaxWallStep;
                    stepTo = now + TimeSpan.FromTicks((long)(MaxWallStep.Ticks * speed));
                }

                if (wall > TimeSpan.Zero)
                {
                    await Task.Delay(wall, host, cancellationToken);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var fired = clock.AdvanceTo(stepTo);
            if (fired.Count > 0)
            {
                await SettleDeadlinesAsync(fired);
            }
        }
    }

    private async Task WhilePausedAsync(CancellationToken cancellationToken)
    {
        while (_state == DrillStates.Paused && _resumed is { } resumed)
        {
            await resumed.Task.WaitAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// The incidents whose deadline timers fired are settled here, one at a time in id order, and waited
    /// for (FireDeadlines is idempotent), so the escalations are raised before the drill time moves on and
    /// simultaneous ones get their seqs in the same order on every replay.
    /// </summary>
    private async Task SettleDeadlinesAsync(IReadOnlyList<object?> fired)
    {
        foreach (var incidentId in fired.OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await GrainFactory.Reference<IIncidentGrain>(incidentId).FireDeadlines();
        }
    }

    private async Task IngestAsync(IReadOnlyList<RecordedBatch> batches, HashSet<string>? sectors, TimeSpan shift, CancellationToken cancellationToken)
    {
        var map = mdl.Require().Sectors;
        var located = new List<(int SectorIndex, SensorReport Report)>();
        foreach (var batch in batches)
        {
            foreach (var recorded in batch.Reports)
            {
                if (map.TryLocate(recorded.Lon, recorded.Lat, out var index))
                {
                    located.Add((index, _pass == 0 ? recorded : ForPass(recorded, shift)));
                }
            }
        }

        _batches += batches.Count;

        // Routed as live ingestion routes them (a track to the sector of its latest report), then kept to the
        // drill's sectors.
        var routed = SectorBatches.Split(located)
            .Select(c => (SectorId: map.Sectors[c.SectorIndex].SectorId, c.Reports))
            .Where(c => sectors is null || sectors.Contains(c.SectorId))
            .ToList();
        var count = routed.Sum(c => c.Reports.Length);
        if (count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await Task.WhenAll(routed.Select(c => GrainFactory.Reference<ISectorGrain>(SectorKeys.GrainKey(c.SectorId, _id)).Ingest(c.Reports)));
        _reports += count;

        // The sectors told their incidents one-way; a call queued behind that signal waits until it is handled.
        // A new incident's first signal may still be on its way to the new activation: wait until it has opened.
        // The incidents work in parallel (and share audit writes); the drill clock moves only when all are done.
        await Task.WhenAll(activity.DrainTouched(_id).Select(WaitHandledAsync));
    }

    private async Task WaitHandledAsync(string incidentId)
    {
        var incident = GrainFactory.Reference<IIncidentGrain>(incidentId);
        for (var attempt = 0; await incident.GetView() is null && attempt < 2000; attempt++)
        {
            await Task.Delay(1, CancellationToken.None);
        }
    }

    /// <summary>A later pass of a looped drill: new ids (not duplicates of the first pass) at shifted times.</summary>
    private SensorReport ForPass(SensorReport r, TimeSpan shift) => r with
    {
        ReportId = $"{r.ReportId}~{_pass}",
        TrackId = r.TrackId is null ? null : $"{r.TrackId}~{_pass}",
        ObservedAt = r.ObservedAt + shift,
    };

    private async Task FinishAsync(string outcome)
    {
        var end = _clock!.GetUtcNow();
        var summaries = await GrainFactory.Reference<IIncidentIndexGrain>(IncidentKeys.IndexKey(_id)).List(null, null);
        var views = new List<IncidentView>();
        foreach (var summary in summaries)
        {
            if (await GrainFactory.Reference<IIncidentGrain>(summary.IncidentId).GetView() is { } view)
            {
                views.Add(view);
            }
        }

        var report = AfterActionBuilder.Build(_settings!, _id, outcome, end, views);
        var folder = Path.Combine(monitoring.Value.ResolveDataDirectory(), "drills");
        Directory.CreateDirectory(folder);
        var safe = DrillIds.FileName(_id);
        await File.WriteAllTextAsync(Path.Combine(folder, safe + ".md"), AfterActionMarkdown.Render(report));
        await File.WriteAllTextAsync(Path.Combine(folder, safe + ".json"), JsonSerializer.Serialize(report, Json));
        _afterAction = report;
        await AuditAsync(_settings!.StartedBy, outcome == DrillStates.Finished ? "drill.finished" : "drill.stopped",
            $"incidents={report.Incidents.Count} missed={report.StepsMissed} escalations={report.Escalations}");
    }

    private Task AuditAsync(string actor, string action, string? detail)
        => audit.AppendAsync(new AuditEntry(_clock?.GetUtcNow() ?? host.GetUtcNow(), actor, action, $"drill:{_id}", detail, _id));
}
