namespace Monitoring.LoadTests.Scenarios;

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.LoadTests.Measurement;
using Monitoring.LoadTests.Workload;

/// <summary>
/// One operator console: subscribes to its sectors, timestamps every alert on arrival (latency from the
/// scheduled send of the report named in it) and keeps a seq ledger per sector for the missing count.
/// </summary>
public sealed class ConsoleClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly RunTimeline _timeline;
    private readonly string _run;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeqLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly List<(string Sector, long Seq)> _early = [];
    private HashSet<string> _watched = new(StringComparer.Ordinal);
    private long _received;
    private long _lastArrival;

    public ConsoleClient(Uri baseAddress, string? accessToken, string trackFormat, RunTimeline timeline, string run)
    {
        _timeline = timeline;
        _run = run;
        _connection = ConsoleConnection.Build(baseAddress, accessToken, trackFormat);
        _connection.On<JsonElement>("alert", OnAlert);
        ConsoleConnection.IgnoreOtherPushes(_connection, "alert");
    }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Run time (µs) of the last alert that arrived.</summary>
    public long LastArrival => Interlocked.Read(ref _lastArrival);

    public bool Connected => _connection.State == HubConnectionState.Connected;

    /// <summary>True when this console subscribed to the sector (only those count towards its missing alerts).</summary>
    public bool Watches(string sector) => _watched.Contains(sector);

    public async Task StartAsync(IReadOnlyList<string> sectors, CancellationToken cancellationToken)
    {
        _watched = new HashSet<string>(sectors, StringComparer.Ordinal);
        await _connection.StartAsync(cancellationToken);
        var snapshot = await _connection.InvokeAsync<JsonElement>("Subscribe", sectors.ToArray(), cancellationToken);
        lock (_gate)
        {
            foreach (var sector in snapshot.GetProperty("lastSeq").EnumerateObject())
            {
                _ledgers[sector.Name] = new SeqLedger(sector.Value.GetInt64());
            }

            // Alerts that raced the snapshot: the ledger ignores what the snapshot already covers.
            foreach (var (sector, seq) in _early)
            {
                _ledgers.GetValueOrDefault(sector)?.Saw(seq);
            }

            _early.Clear();
        }
    }

    public IReadOnlyDictionary<string, SeqLedger> Ledgers
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, SeqLedger>(_ledgers, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The sector log after a seq, paged (the hub answers at most 10,000 per call; bounded to 1,000 pages).</summary>
    public async Task<List<long>> AlertSeqsSinceAsync(string sector, long afterSeq, CancellationToken cancellationToken)
    {
        var seqs = new List<long>();
        for (var page = 0; page < 1000; page++)
        {
            var alerts = await _connection.InvokeAsync<JsonElement>("GetAlertsSince", sector, afterSeq, cancellationToken);
            var count = 0;
            foreach (var alert in alerts.EnumerateArray())
            {
                afterSeq = alert.GetProperty("seq").GetInt64();
                seqs.Add(afterSeq);
                count++;
            }

            if (count < 10_000)
            {
                break;
            }
        }

        return seqs;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnAlert(JsonElement alert)
    {
        var now = _timeline.NowMicroseconds;
        var arrivedAt = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _received);
        Interlocked.Exchange(ref _lastArrival, now);
        if (alert.TryGetProperty("reportId", out var id) && id.ValueKind == JsonValueKind.String
            && ReportIds.TryParseDue(id.GetString(), _run, out var due))
        {
            _timeline.RecordAlert(due);
            if (alert.TryGetProperty("decidedAt", out var decided) && decided.TryGetDateTimeOffset(out var decidedAt))
            {
                _timeline.RecordAlertAfterDecision(decidedAt, arrivedAt);
            }
        }
        else
        {
            Interlocked.Increment(ref _timeline.At(now).Alerts);
        }

        if (alert.TryGetProperty("drillId", out var drill) && drill.ValueKind == JsonValueKind.String)
        {
            return; // drills have their own seq namespace
        }

        var sector = alert.GetProperty("sectorId").GetString()!;
        var seq = alert.GetProperty("seq").GetInt64();
        lock (_gate)
        {
            if (_ledgers.TryGetValue(sector, out var ledger))
            {
                ledger.Saw(seq);
            }
            else
            {
                _early.Add((sector, seq));
            }
        }
    }
}
