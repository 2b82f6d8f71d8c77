namespace Monitoring.Grains.Sectors;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Geo;
using Monitoring.Grains.Incidents;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Publishing;
using Monitoring.Grains.Storage;
using Monitoring.Contracts.Grains;
using Orleans.Concurrency;

/// <summary>
/// The single writer of one sector in one namespace: it associates reports to tracks, decides verdicts
/// against the current MDL version, and turns verdict changes into alerts with a gap-free seq.
/// Decisions are made one at a time (the decide gate), each on top of the one before. A decision is
/// committed to the sector log before it shows (its seq, the alert on a console, the view), and while one
/// commit is in flight the next decisions are made and then committed together (<see cref="SectorCommitQueue"/>).
/// That is why the grain is reentrant: a non-reentrant grain would hold every batch behind the previous
/// batch's storage round trip. A failed commit fails every decision queued behind it and the grain reloads
/// from its log, so nothing uncommitted ever shows.
/// </summary>
[Reentrant]
public sealed class SectorGrain(
    ISectorLog log,
    MdlSnapshots mdl,
    IAlertPublisher publisher,
    IOptions<SectorOptions> options,
    IClockSource clocks,
    ILogger<SectorGrain> logger,
    IOptions<ProtocolOptions> protocol,
    [PersistentState("incidentNumbers")] IPersistentState<SectorIncidentCounter> incidentNumbers) : Grain, ISectorGrain
{
    private readonly SectorOptions _options = options.Value;
    private readonly TimeSpan _ambiguousOpensAfter = protocol.Value.AmbiguousOpensAfter;
    private readonly Dictionary<string, TrackState> _tracks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirtyTracks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removedTracks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _decide = new(1, 1);
    private readonly BatchScratch _batch = new();

    // One-off alerts (escalation, sensor-offline) decided but not yet shown, by seq: their repeats wait for them.
    private readonly Dictionary<long, (Alert Alert, Task Shown)> _unshownAppends = [];
    private SectorCommitQueue _commits = null!;
    private DedupeWindow _dedupe = null!;
    private TrackAssociation _association = null!;
    private AlertTail _tail = null!;
    private string _key = "";
    private string _sectorId = "";
    private string? _drillId;
    private long _lastSeq; // committed and shown
    private long _decidedSeq; // handed out: committed, or on its way
    private ISectorGrain[] _neighbours = [];
    private object? _neighboursOf;

    // The namespace's clock: the deployment's for live, the drill's for a drill (dedupe window, decidedAt, idle tracks).
    private TimeProvider _clock = TimeProvider.System;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        (_sectorId, _drillId) = SectorKeys.Parse(_key);
        _clock = clocks.For(_drillId);
        _dedupe = new DedupeWindow(_options.DedupeWindow);
        _association = new TrackAssociation(_options.AssociationGateM, _options.AssociationGateTime);
        _tail = new AlertTail(_options.AlertTail);
        _commits = new SectorCommitQueue(log, _key, () =>
        {
            logger.LogError("Sector {Sector}: a commit failed; reloading from the sector log", _key);
            this.DeactivateOnIdle();
        });
        incidentNumbers.State.SkipReserved();

        var snapshot = await log.LoadAsync(_key, _options.AlertTail, cancellationToken);
        _lastSeq = snapshot.LastSeq;
        _decidedSeq = _lastSeq;
        foreach (var alert in snapshot.RecentAlerts)
        {
            _tail.Add(alert);
        }

        foreach (var track in snapshot.Tracks)
        {
            _tracks[track.TrackId] = track;
            _association.Upsert(track.TrackId, track.Lon, track.Lat, track.ObservedAt);
        }

        // The first flush is jittered so that sectors activated together do not all flush in the same group
        // commit: each flush writes every moved track of its sector, and one writer takes them in turn.
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.TrackFlushInterval * (0.5 + Random.Shared.NextDouble()),
            Period = _options.TrackFlushInterval,
        });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Positions that did not change a verdict are a convenience; verdicts were committed already.
            logger.LogWarning(ex, "Sector {Sector}: could not flush track positions on deactivation", _key);
        }
    }

    public Task<IngestResult> Ingest(SensorReport[] reports) => DecideAsync(() => DecideBatchAsync(reports), afterShown: false);

    /// <summary>
    /// Makes one decision at a time, queues its change for commit, and answers once the change is committed
    /// and shown. With afterShown, the decision waits until everything before it is shown, so it reads the
    /// committed state (the view; alerts that must not be raised twice). The gate is not held across the
    /// commit: the next decision is made while this one is being stored.
    /// </summary>
    private async Task<T> DecideAsync<T>(Func<ValueTask<(SectorChange? Change, T Result)>> decide, bool afterShown)
    {
        Task shown;
        T result;
        await _decide.WaitAsync();
        try
        {
            _commits.ThrowIfBroken();
            if (afterShown)
            {
                await _commits.Drained();
            }

            (var change, result) = await decide();
            shown = change is null ? Task.CompletedTask : _commits.Commit(change);
        }
        finally
        {
            _decide.Release();
        }

        await shown;
        return result;
    }

    /// <summary>Decides a batch on top of every decision before it and applies it to the working state.</summary>
    private async ValueTask<(SectorChange? Change, IngestResult Result)> DecideBatchAsync(SensorReport[] reports)
    {
        var now = _clock.GetUtcNow();
        var snapshot = mdl.Require();
        var policy = WireNames.Of(snapshot.Policy);
        // One decision at a time (the decide gate), so these scratch collections are reused, not allocated per batch.
        _batch.Clear();
        var pending = _batch.Pending;
        var verdictChanged = _batch.VerdictChanged;
        var batchKeys = _batch.Keys;
        var newAlerts = new List<Alert>();
        var opened = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = 0;

        // Order by observation time so a batch means the same whatever order the sensor sent it in.
        var ordered = IsOrdered(reports) ? reports : reports.OrderBy(r => r.ObservedAt).ToArray();

        // Sensor tracks new to this sector may have come from a neighbour: take them over first, and commit
        // them here even if none of their reports changes anything (the neighbour has let them go).
        var (movedHere, keptByNeighbours) = await TakeFromNeighboursAsync(ordered, snapshot);
        foreach (var moved in movedHere)
        {
            pending[moved.TrackId] = moved;
            verdictChanged.Add(moved.TrackId);
        }

        foreach (var report in ordered)
        {
            var key = DedupeWindow.Key(report.SensorId, report.ReportId);
            if (_dedupe.Contains(key, now) || !batchKeys.Add(key))
            {
                duplicates++;
                continue;
            }

            var trackId = ResolveTrackId(report, pending);
            if (keptByNeighbours?.Contains(trackId) == true)
            {
                continue; // Recorded, but the neighbour holds a later report of this track: it stays there.
            }

            if (!pending.TryGetValue(trackId, out var existing))
            {
                _tracks.TryGetValue(trackId, out existing);
            }

            if (existing is not null && report.ObservedAt < existing.ObservedAt)
            {
                continue; // Recorded, but a late report does not move the track back in time.
            }

            var isAnimal = report.Class == ObjectClass.Animal;
            var decision = snapshot.Classify(report.Lon, report.Lat, report.AccuracyM, isAnimal);
            var previous = existing is null ? Verdict.Clear : AlertRules.ParseVerdict(existing.Verdict);
            var next = new TrackState
            {
                TrackId = trackId,
                SectorId = _sectorId,
                Class = report.Class,
                Lon = report.Lon,
                Lat = report.Lat,
                ObservedAt = report.ObservedAt,
                Verdict = WireNames.Of(decision.Verdict),
                DepthM = Math.Round(decision.DepthM, 2),
                IncidentId = existing?.IncidentId,
                SensorId = report.SensorId,
                Count = report.Count,
                LastReportId = report.ReportId,
                MdlVersion = snapshot.Version,
                AmbiguousSince = IncidentOpening.AmbiguousSince(existing, previous, decision.Verdict, report.ObservedAt),
            };
            if (IncidentOpening.Opens(next, previous, decision.Verdict, _ambiguousOpensAfter) is { } opens)
            {
                next = next with { IncidentId = await NextIncidentIdAsync(report.ObservedAt.Year) };
                opened[trackId] = opens;
                verdictChanged.Add(trackId); // the track's incident id must be committed now
            }

            pending[trackId] = next;

            if (previous != decision.Verdict)
            {
                verdictChanged.Add(trackId);
            }

            if (AlertRules.KindFor(previous, decision.Verdict) is { } kind)
            {
                var seq = _decidedSeq + newAlerts.Count + 1;
                newAlerts.Add(new Alert
                {
                    AlertId = AlertIdFor(seq),
                    SectorId = _sectorId,
                    Seq = seq,
                    Kind = kind,
                    Severity = AlertRules.SeverityFor(kind, report.Class),
                    Class = ObjectClassNames.Of(report.Class),
                    TrackId = trackId,
                    ReportId = report.ReportId,
                    Lon = report.Lon,
                    Lat = report.Lat,
                    DepthM = next.DepthM,
                    ObservedAt = report.ObservedAt,
                    DecidedAt = now,
                    MdlVersion = snapshot.Version,
                    Policy = policy,
                    IncidentId = next.IncidentId,
                    DrillId = _drillId,
                });
            }
        }

        var committedTracks = verdictChanged.Select(id => pending[id]).ToArray();

        // Decided: the next decision builds on this one, though nothing shows before the commit.
        foreach (var (trackId, track) in pending)
        {
            _tracks[trackId] = track;
            _removedTracks.Remove(trackId);
            _association.Upsert(trackId, track.Lon, track.Lat, track.ObservedAt);
            if (!verdictChanged.Contains(trackId))
            {
                _dirtyTracks.Add(trackId);
            }
        }

        foreach (var key in batchKeys)
        {
            _dedupe.Add(key, now);
        }

        _decidedSeq += newAlerts.Count;
        var positions = pending.Count > 0 ? pending.Values.ToArray() : [];
        var change = new SectorChange
        {
            Alerts = newAlerts,
            Tracks = committedTracks,
            Show = () => ShowBatchAsync(newAlerts, positions, committedTracks, opened),
        };
        return (change, new IngestResult(reports.Length - duplicates, duplicates));
    }

    /// <summary>A committed batch: its alerts and positions go to consoles, its incidents hear of it.</summary>
    private async Task ShowBatchAsync(List<Alert> newAlerts, TrackState[] positions, TrackState[] committedTracks, Dictionary<string, string> opened)
    {
        ShowAlerts(newAlerts);
        if (newAlerts.Count > 0)
        {
            await publisher.PublishAlertsAsync(newAlerts);
        }

        if (positions.Length > 0)
        {
            publisher.PublishTracks(_sectorId, _drillId, positions);
        }

        // One-way: the incident may itself be waiting on this sector (an escalation).
        var signalled = committedTracks.Where(t => t.IncidentId is not null).ToArray();
        foreach (var track in signalled)
        {
            await GrainFactory.Reference<IIncidentGrain>(track.IncidentId!)
                .Observe(IncidentOpening.Signal(track, opened.GetValueOrDefault(track.TrackId), _drillId));
        }

        if (signalled.Length > 0)
        {
            publisher.IncidentsSignalled(_drillId, signalled.Select(t => t.IncidentId!).ToArray());
        }
    }

    private void ShowAlerts(IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            _lastSeq = alert.Seq;
            _tail.Add(alert);
        }
    }

    public async Task<Alert[]> GetAlertsSince(long afterSeq, int limit)
    {
        limit = Math.Clamp(limit, 1, 10_000);
        if (_tail.Covers(afterSeq))
        {
            return _tail.After(afterSeq, limit);
        }

        // The log may already hold alerts that are committed but not yet shown: those come by push.
        var shown = _lastSeq;
        var fromLog = await log.ReadAlertsAsync(_key, afterSeq, limit);
        return fromLog.Where(a => a.Seq <= shown).ToArray();
    }

    public Task<SectorView> GetView() => DecideAsync(() => ValueTask.FromResult<(SectorChange?, SectorView)>((null, new SectorView
    {
        SectorId = _sectorId,
        LastSeq = _lastSeq,
        MdlVersion = mdl.Current?.Version ?? 0,
        Tracks = _tracks.Values.ToArray(),
        OpenIncidents = _tracks.Values.Where(t => t.IncidentId is not null).Select(t => t.IncidentId!).Distinct().Order(StringComparer.Ordinal).ToArray(),
        DrillId = _drillId,
    })), afterShown: true);

    /// <summary>
    /// Not behind the decide gate: the neighbour asking holds its own gate, and this sector may be asking it at
    /// the same moment. It runs without an await, so it never splits a decision of this sector in two halves
    /// except at that decision's own awaits (its hand-over call, a new incident number). Ingestion sends all of
    /// a batch's reports of a track to one sector (SectorBatches) and a host orders one sensor's batches into
    /// different sectors (SensorTurns), so a decision here holds a track being asked for only when one sensor
    /// posts two batches of that track to two cluster hosts at once (docs/protocol.md "Hand-over").
    /// </summary>
    public Task<TrackHandOver> HandOver(string[] trackIds, DateTimeOffset[] latestAt)
    {
        List<TrackState>? given = null;
        List<string>? kept = null;
        for (var i = 0; i < trackIds.Length; i++)
        {
            var trackId = trackIds[i];
            if (!_tracks.TryGetValue(trackId, out var track))
            {
                continue;
            }

            // A later report here than any the asker has: the track is still this sector's (a late batch).
            if (i < latestAt.Length && track.ObservedAt > latestAt[i])
            {
                (kept ??= []).Add(trackId);
                continue;
            }

            _tracks.Remove(trackId);
            _association.Remove(trackId);
            _dirtyTracks.Remove(trackId);
            _removedTracks.Add(trackId);
            (given ??= []).Add(track);
        }

        return Task.FromResult(given is null && kept is null
            ? TrackHandOver.None
            : new TrackHandOver { Given = given?.ToArray() ?? [], Kept = kept?.ToArray() ?? [] });
    }

    public Task<Alert> RaiseSensorOffline(string sensorId, double lon, double lat, DateTimeOffset lastHeartbeatAt)
        => AppendAsync(
            AlertKinds.SensorOffline,
            // One alert per silence: a retried call (or a second silo that saw the same silence) gets the first one back.
            a => a.SensorId == sensorId && a.ObservedAt >= lastHeartbeatAt,
            alert => alert with { Lon = lon, Lat = lat, ObservedAt = lastHeartbeatAt, SensorId = sensorId });

    public Task<Alert> RaiseEscalation(EscalationRequest request)
        => AppendAsync(
            AlertKinds.Escalation,
            // Deadlines may fire twice (two silos, a retry): answer a repeat with the alert already raised.
            a => a.IncidentId == request.IncidentId && a.StepId == request.StepId,
            alert =>
            {
                _tracks.TryGetValue(request.TrackId, out var track);
                return alert with
                {
                    Severity = AlertRules.SeverityFor(AlertKinds.Escalation, track?.Class ?? ObjectClass.Unknown),
                    Class = track is null ? null : ObjectClassNames.Of(track.Class),
                    TrackId = request.TrackId,
                    Lon = track?.Lon,
                    Lat = track?.Lat,
                    DepthM = track?.DepthM,
                    ObservedAt = track?.ObservedAt,
                    DecidedAt = request.At,
                    IncidentId = request.IncidentId,
                    StepId = request.StepId,
                    Note = request.Note,
                };
            });

    public Task ReleaseIncident(string trackId, string incidentId) => DecideAsync(() =>
    {
        if (!_tracks.TryGetValue(trackId, out var track) || track.IncidentId != incidentId)
        {
            return ValueTask.FromResult<(SectorChange?, bool)>((null, false));
        }

        var released = track with { IncidentId = null };
        _tracks[trackId] = released;
        return ValueTask.FromResult<(SectorChange?, bool)>((new SectorChange { Tracks = [released] }, true));
    }, afterShown: false);

    /// <summary>
    /// Appends one alert of this kind raised outside a report batch (escalation, sensor-offline), unless one
    /// that matches <paramref name="repeat"/> was already raised: committed (in the tail) or decided and on its
    /// way (then the repeat waits for it, and fails with it). So the check sees every alert decided before it
    /// without draining the sector's commits first, which held every report batch of the sector for a commit
    /// round trip per escalation. <paramref name="complete"/> adds the kind's own fields to the stamped alert
    /// (a warning, decided now, unless it says otherwise).
    /// </summary>
    private async Task<Alert> AppendAsync(string kind, Func<Alert, bool> repeat, Func<Alert, Alert> complete)
    {
        bool Raised(Alert a) => a.Kind == kind && repeat(a);
        var (alert, shown) = await DecideAsync(() =>
        {
            foreach (var (pending, pendingShown) in _unshownAppends.Values)
            {
                if (Raised(pending))
                {
                    return ValueTask.FromResult<(SectorChange?, (Alert, Task))>((null, (pending, pendingShown)));
                }
            }

            if (_tail.LastMatching(Raised) is { } raised)
            {
                return ValueTask.FromResult<(SectorChange?, (Alert, Task))>((null, (raised, Task.CompletedTask)));
            }

            var seq = ++_decidedSeq;
            var current = mdl.Current;
            var alert = complete(new Alert
            {
                AlertId = AlertIdFor(seq),
                SectorId = _sectorId,
                Seq = seq,
                Kind = kind,
                Severity = Severities.Warning,
                DecidedAt = _clock.GetUtcNow(),
                MdlVersion = current?.Version ?? 0,
                Policy = current is null ? null : WireNames.Of(current.Policy),
                DrillId = _drillId,
            });
            var change = new SectorChange
            {
                Alerts = [alert],
                Show = async () =>
                {
                    _unshownAppends.Remove(alert.Seq);
                    ShowAlerts([alert]);
                    await publisher.PublishAlertsAsync([alert]);
                },
            };
            _unshownAppends[seq] = (alert, change.Shown);
            return ValueTask.FromResult<(SectorChange?, (Alert, Task))>((change, (alert, Task.CompletedTask)));
        }, afterShown: false);

        await shown;
        return alert;
    }

    private string AlertIdFor(long seq) => _drillId is null ? $"{_sectorId}-{seq}" : $"{_drillId}/{_sectorId}-{seq}";

    private async ValueTask<string> NextIncidentIdAsync(int year)
    {
        // Reserved (stored) before the batch commits: a failed commit only skips a number, it never reuses one.
        // A drill reserves one at a time, so its numbers never depend on when its grains were reactivated.
        var counter = incidentNumbers.State;
        var (year0, last0, reserved0) = (counter.Year, counter.Last, counter.Reserved);
        var (number, mustStore) = counter.Next(year, _drillId is null ? _options.IncidentNumberBlock : 1);
        if (mustStore)
        {
            try
            {
                await incidentNumbers.WriteStateAsync();
            }
            catch
            {
                (counter.Year, counter.Last, counter.Reserved) = (year0, last0, reserved0);
                throw;
            }
        }

        return IncidentKeys.Id(_sectorId, year, number, _drillId);
    }

    private string ResolveTrackId(SensorReport report, Dictionary<string, TrackState> pending)
    {
        if (report.TrackId is { } own)
        {
            return KnownSensorTrackId(report.SensorId, own, pending) ?? SensorTrackId(report.SensorId, own);
        }

        // Reports in this batch are not in the grid yet; check them first.
        foreach (var (id, t) in pending)
        {
            if (Math.Abs((t.ObservedAt - report.ObservedAt).Ticks) <= _options.AssociationGateTime.Ticks
                && TrackAssociation.DistanceSquaredM(t.Lon, t.Lat, report.Lon, report.Lat) <= _options.AssociationGateM * _options.AssociationGateM)
            {
                return id;
            }
        }

        return _association.Find(report.Lon, report.Lat, report.ObservedAt) ?? $"{report.SensorId}/r:{report.ReportId}";
    }

    /// <summary>
    /// Asks both neighbours for the batch's sensor tracks this sector does not hold, each with the batch's
    /// latest report of it: the tracks they give up move here, and those they keep (they hold a later report)
    /// stay there, so this batch's reports of them do not move them back in time.
    /// </summary>
    private async Task<(IEnumerable<TrackState> Moved, HashSet<string>? KeptByNeighbours)> TakeFromNeighboursAsync(SensorReport[] reports, ReconciledMdl snapshot)
    {
        Dictionary<string, DateTimeOffset>? unknown = null;
        foreach (var report in reports)
        {
            if (report.TrackId is { } own && KnownSensorTrackId(report.SensorId, own, null) is null)
            {
                unknown ??= new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                var key = SensorTrackId(report.SensorId, own);
                if (!unknown.TryGetValue(key, out var latest) || report.ObservedAt > latest)
                {
                    unknown[key] = report.ObservedAt;
                }
            }
        }

        var neighbours = Neighbours(snapshot);
        if (unknown is null || neighbours.Length == 0)
        {
            return ([], null);
        }

        var asked = unknown.Keys.ToArray();
        var latestAt = unknown.Values.ToArray();
        var answers = await Task.WhenAll(neighbours.Select(n => n.HandOver(asked, latestAt)));
        var kept = answers.Any(a => a.Kept.Length > 0)
            ? answers.SelectMany(a => a.Kept).ToHashSet(StringComparer.Ordinal)
            : null;
        return (answers.SelectMany(a => a.Given).Select(t => t with { SectorId = _sectorId }), kept);
    }

    /// <summary>The grains of the sectors on either side along the line, looked up once per sector map.</summary>
    private ISectorGrain[] Neighbours(ReconciledMdl snapshot)
    {
        var sectors = snapshot.Sectors.Sectors;
        if (ReferenceEquals(_neighboursOf, sectors))
        {
            return _neighbours;
        }

        var index = -1;
        for (var i = 0; i < sectors.Count; i++)
        {
            if (sectors[i].SectorId == _sectorId)
            {
                index = i;
                break;
            }
        }

        _neighbours = index < 0
            ? []
            : new[] { index - 1, index + 1 }
                .Where(n => n >= 0 && n < sectors.Count)
                .Select(n => GrainFactory.Reference<ISectorGrain>(SectorKeys.GrainKey(sectors[n].SectorId, _drillId)))
                .ToArray();
        _neighboursOf = sectors;
        return _neighbours;
    }

    /// <summary>Writes positions that changed no verdict, and drops idle tracks, as one more queued change.</summary>
    private Task FlushAsync(CancellationToken cancellationToken) => DecideAsync(() =>
    {
        var idleBefore = _clock.GetUtcNow() - _options.TrackIdleTimeout;
        foreach (var (id, track) in _tracks)
        {
            if (track.ObservedAt < idleBefore && track.IncidentId is null)
            {
                _removedTracks.Add(id);
            }
        }

        foreach (var id in _removedTracks)
        {
            if (_tracks.Remove(id))
            {
                _association.Remove(id);
            }

            _dirtyTracks.Remove(id);
        }

        if (_dirtyTracks.Count == 0 && _removedTracks.Count == 0)
        {
            return ValueTask.FromResult<(SectorChange?, bool)>((null, false));
        }

        var change = new SectorChange
        {
            Tracks = _dirtyTracks.Where(_tracks.ContainsKey).Select(id => _tracks[id]).ToArray(),
            RemovedTrackIds = _removedTracks.ToArray(),
        };
        _dirtyTracks.Clear();
        _removedTracks.Clear();
        return ValueTask.FromResult<(SectorChange?, bool)>((change, true));
    }, afterShown: false);

    private static string SensorTrackId(string sensorId, string trackId) => $"{sensorId}/{trackId}";

    /// <summary>
    /// The stored id of a sensor's own track pending in this batch or held here, or null for a new track. It is
    /// looked up by its characters, so a report of a known track builds no id string.
    /// </summary>
    private string? KnownSensorTrackId(string sensorId, string trackId, Dictionary<string, TrackState>? pending)
    {
        var length = sensorId.Length + 1 + trackId.Length;
        if (length > 512)
        {
            // Longer than validation lets through; kept correct, not fast.
            var built = SensorTrackId(sensorId, trackId);
            return pending?.ContainsKey(built) == true || _tracks.ContainsKey(built) ? built : null;
        }

        Span<char> id = stackalloc char[length];
        sensorId.CopyTo(id);
        id[sensorId.Length] = '/';
        trackId.CopyTo(id[(sensorId.Length + 1)..]);
        if (pending is not null && pending.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var inBatch, out _))
        {
            return inBatch;
        }

        return _tracks.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var held, out _) ? held : null;
    }

    /// <summary>Sensors send in time order: sorting (a copy) only when a batch is not is the common-case saving.</summary>
    private static bool IsOrdered(SensorReport[] reports)
    {
        for (var i = 1; i < reports.Length; i++)
        {
            if (reports[i].ObservedAt < reports[i - 1].ObservedAt)
            {
                return false;
            }
        }

        return true;
    }
}
