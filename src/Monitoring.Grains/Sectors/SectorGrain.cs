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

/// <summary>
/// The single writer of one sector in one namespace: it associates reports to tracks, decides verdicts
/// against the current MDL version, and turns verdict changes into alerts with a gap-free seq.
/// A batch is committed to the sector log before any of it shows in memory or on a console,
/// so a failed commit applies nothing.
/// </summary>
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
    private DedupeWindow _dedupe = null!;
    private TrackAssociation _association = null!;
    private AlertTail _tail = null!;
    private string _key = "";
    private string _sectorId = "";
    private string? _drillId;
    private long _lastSeq;
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

        var snapshot = await log.LoadAsync(_key, _options.AlertTail, cancellationToken);
        _lastSeq = snapshot.LastSeq;
        foreach (var alert in snapshot.RecentAlerts)
        {
            _tail.Add(alert);
        }

        foreach (var track in snapshot.Tracks)
        {
            _tracks[track.TrackId] = track;
            _association.Upsert(track.TrackId, track.Lon, track.Lat, track.ObservedAt);
        }

        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.TrackFlushInterval,
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

    public async Task<IngestResult> Ingest(SensorReport[] reports)
    {
        var now = _clock.GetUtcNow();
        var snapshot = mdl.Require();
        var policy = WireNames.Of(snapshot.Policy);
        var pending = new Dictionary<string, TrackState>(StringComparer.Ordinal);
        var verdictChanged = new HashSet<string>(StringComparer.Ordinal);
        var batchKeys = new HashSet<UInt128>();
        var newAlerts = new List<Alert>();
        var opened = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = 0;

        // Order by observation time so a batch means the same whatever order the sensor sent it in.
        var ordered = IsOrdered(reports) ? reports : reports.OrderBy(r => r.ObservedAt).ToArray();

        // Sensor tracks new to this sector may have come from a neighbour: take them over first, and commit
        // them here even if none of their reports changes anything (the neighbour has let them go).
        foreach (var moved in await TakeFromNeighboursAsync(ordered, snapshot))
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
                var seq = _lastSeq + newAlerts.Count + 1;
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
        if (newAlerts.Count > 0 || committedTracks.Length > 0)
        {
            await log.CommitAsync(_key, newAlerts, committedTracks, []);
        }

        // Committed: now it may show.
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

        _lastSeq += newAlerts.Count;
        foreach (var alert in newAlerts)
        {
            _tail.Add(alert);
        }

        if (newAlerts.Count > 0)
        {
            await publisher.PublishAlertsAsync(newAlerts);
        }

        if (pending.Count > 0)
        {
            publisher.PublishTracks(_sectorId, _drillId, pending.Values.ToArray());
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

        return new IngestResult(reports.Length - duplicates, duplicates);
    }

    public async Task<Alert[]> GetAlertsSince(long afterSeq, int limit)
    {
        limit = Math.Clamp(limit, 1, 10_000);
        if (_tail.Covers(afterSeq))
        {
            return _tail.After(afterSeq, limit);
        }

        var fromLog = await log.ReadAlertsAsync(_key, afterSeq, limit);
        return fromLog.ToArray();
    }

    public Task<SectorView> GetView() => Task.FromResult(new SectorView
    {
        SectorId = _sectorId,
        LastSeq = _lastSeq,
        MdlVersion = mdl.Current?.Version ?? 0,
        Tracks = _tracks.Values.ToArray(),
        OpenIncidents = _tracks.Values.Where(t => t.IncidentId is not null).Select(t => t.IncidentId!).Distinct().Order(StringComparer.Ordinal).ToArray(),
        DrillId = _drillId,
    });

    public Task<TrackState[]> HandOver(string[] trackIds)
    {
        var given = new List<TrackState>();
        foreach (var trackId in trackIds)
        {
            if (_tracks.Remove(trackId, out var track))
            {
                _association.Remove(trackId);
                _dirtyTracks.Remove(trackId);
                _removedTracks.Add(trackId);
                given.Add(track);
            }
        }

        return Task.FromResult(given.ToArray());
    }

    public async Task<Alert> RaiseSensorOffline(string sensorId, double lon, double lat, DateTimeOffset lastHeartbeatAt)
    {
        // One alert per silence: a retried call (or a second silo that saw the same silence) gets the first one back.
        var raised = _tail.After(0, int.MaxValue).LastOrDefault(a =>
            a.Kind == AlertKinds.SensorOffline && a.SensorId == sensorId && a.ObservedAt >= lastHeartbeatAt);
        if (raised is not null)
        {
            return raised;
        }

        var seq = _lastSeq + 1;
        var current = mdl.Current;
        var alert = new Alert
        {
            AlertId = AlertIdFor(seq),
            SectorId = _sectorId,
            Seq = seq,
            Kind = AlertKinds.SensorOffline,
            Severity = Severities.Warning,
            Lon = lon,
            Lat = lat,
            ObservedAt = lastHeartbeatAt,
            DecidedAt = _clock.GetUtcNow(),
            MdlVersion = current?.Version ?? 0,
            Policy = current is null ? null : WireNames.Of(current.Policy),
            DrillId = _drillId,
            SensorId = sensorId,
        };
        return await AppendAsync(alert);
    }

    public async Task<Alert> RaiseEscalation(EscalationRequest request)
    {
        // Deadlines may fire twice (two silos, a retry): answer a repeat with the alert already raised.
        var raised = _tail.After(0, int.MaxValue).LastOrDefault(a =>
            a.Kind == AlertKinds.Escalation && a.IncidentId == request.IncidentId && a.StepId == request.StepId);
        if (raised is not null)
        {
            return raised;
        }

        _tracks.TryGetValue(request.TrackId, out var track);
        var seq = _lastSeq + 1;
        var current = mdl.Current;
        var alert = new Alert
        {
            AlertId = AlertIdFor(seq),
            SectorId = _sectorId,
            Seq = seq,
            Kind = AlertKinds.Escalation,
            Severity = AlertRules.SeverityFor(AlertKinds.Escalation, track?.Class ?? ObjectClass.Unknown),
            Class = track is null ? null : ObjectClassNames.Of(track.Class),
            TrackId = request.TrackId,
            Lon = track?.Lon,
            Lat = track?.Lat,
            DepthM = track?.DepthM,
            ObservedAt = track?.ObservedAt,
            DecidedAt = request.At,
            MdlVersion = current?.Version ?? 0,
            Policy = current is null ? null : WireNames.Of(current.Policy),
            IncidentId = request.IncidentId,
            DrillId = _drillId,
            StepId = request.StepId,
            Note = request.Note,
        };
        return await AppendAsync(alert);
    }

    public async Task ReleaseIncident(string trackId, string incidentId)
    {
        if (!_tracks.TryGetValue(trackId, out var track) || track.IncidentId != incidentId)
        {
            return;
        }

        var released = track with { IncidentId = null };
        await log.CommitAsync(_key, [], [released], []);
        _tracks[trackId] = released;
    }

    /// <summary>Commits one alert raised outside a report batch (escalation, sensor-offline), then shows it.</summary>
    private async Task<Alert> AppendAsync(Alert alert)
    {
        await log.CommitAsync(_key, [alert], [], []);
        _lastSeq = alert.Seq;
        _tail.Add(alert);
        await publisher.PublishAlertsAsync([alert]);
        return alert;
    }

    private string AlertIdFor(long seq) => _drillId is null ? $"{_sectorId}-{seq}" : $"{_drillId}/{_sectorId}-{seq}";

    private async Task<string> NextIncidentIdAsync(int year)
    {
        // Stored before the batch commits: a failed commit only skips a number, it never reuses one.
        var number = incidentNumbers.State.Next(year);
        await incidentNumbers.WriteStateAsync();
        return IncidentKeys.Id(_sectorId, year, number, _drillId);
    }

    private string ResolveTrackId(SensorReport report, Dictionary<string, TrackState> pending)
    {
        if (report.TrackId is { } own)
        {
            return SensorTrackId(report.SensorId, own);
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

    private async Task<IEnumerable<TrackState>> TakeFromNeighboursAsync(SensorReport[] reports, ReconciledMdl snapshot)
    {
        HashSet<string>? unknown = null;
        foreach (var report in reports)
        {
            if (report.TrackId is { } own && SensorTrackId(report.SensorId, own) is var id && !_tracks.ContainsKey(id))
            {
                (unknown ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
            }
        }

        var neighbours = Neighbours(snapshot);
        if (unknown is null || neighbours.Length == 0)
        {
            return [];
        }

        var asked = unknown.ToArray();
        var answers = await Task.WhenAll(neighbours.Select(n => n.HandOver(asked)));
        return answers.SelectMany(a => a).Select(t => t with { SectorId = _sectorId });
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

    private async Task FlushAsync(CancellationToken cancellationToken)
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
            return;
        }

        var changed = _dirtyTracks.Where(_tracks.ContainsKey).Select(id => _tracks[id]).ToArray();
        var removed = _removedTracks.ToArray();
        await log.CommitAsync(_key, [], changed, removed, cancellationToken);
        _dirtyTracks.Clear();
        _removedTracks.Clear();
    }

    private static string SensorTrackId(string sensorId, string trackId) => $"{sensorId}/{trackId}";

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
