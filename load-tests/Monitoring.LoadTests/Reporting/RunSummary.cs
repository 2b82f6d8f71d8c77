namespace Monitoring.LoadTests.Reporting;

/// <summary>summary.json: one run's figures (docs/performance.md lists every field).</summary>
public sealed record RunSummary
{
    public required string Scenario { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Target { get; init; }
    public required bool SelfHosted { get; init; }
    public bool? Recorder { get; init; }
    public double? HostReadyS { get; init; }
    public required double DurationS { get; init; }
    public required double TargetRate { get; init; }
    public required int Batch { get; init; }
    public required int Tracks { get; init; }
    public required int Sectors { get; init; }
    public required int Consoles { get; init; }

    /// <summary>Sectors each console watched (0: every sector of the workload).</summary>
    public int ConsoleSectors { get; init; }

    /// <summary>The track pushes the consoles took: compact ("trackRows") or full ("tracks").</summary>
    public string? TrackFormat { get; init; }
    public required long ReportsSent { get; init; }
    public required long ReportsAccepted { get; init; }
    public required double ReportsPerSecond { get; init; }
    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required IReadOnlyDictionary<string, int> ErrorKinds { get; init; }
    public required long Crossings { get; init; }
    public double? AcceptP50Ms { get; init; }
    public double? AcceptP95Ms { get; init; }
    public double? AcceptP99Ms { get; init; }
    public double? AcceptMaxMs { get; init; }
    /// <summary>How late the generator started sending a request after its due time (included in the accept latency).</summary>
    public double? SendLagP50Ms { get; init; }
    public double? SendLagP99Ms { get; init; }
    public required long AlertsReceived { get; init; }
    public double? AlertP50Ms { get; init; }
    public double? AlertP99Ms { get; init; }
    public double? AlertMaxMs { get; init; }
    /// <summary>The part of the alert latency after the host decided (its decidedAt): commit, push, the console's dispatch.</summary>
    public double? AlertAfterDecisionP50Ms { get; init; }
    public double? AlertAfterDecisionP99Ms { get; init; }
    public required double DeliveriesPerSecond { get; init; }
    public required long AlertsLogged { get; init; }
    public required long AlertsMissing { get; init; }
    public required long AlertDuplicates { get; init; }
    /// <summary>Consoles no longer connected when the logs were checked (the server drops a console it has not heard from in 30 s; this tool does not reconnect).</summary>
    public required int ConsolesDisconnected { get; init; }
    public double? PeakRssMb { get; init; }
    public double? StartRssMb { get; init; }
    public double? EndRssMb { get; init; }
    public double? RssGrowthMb { get; init; }
    public double? PeakGcHeapMb { get; init; }
    public double? LoadAverageStart { get; init; }
    public double? LoadAverageEnd { get; init; }
    public required int Cores { get; init; }
    /// <summary>CPU-seconds per second over the measured part: the host's (from its diagnostics; null without them) and this tool's.</summary>
    public double? HostCpuCores { get; init; }
    public double GeneratorCpuCores { get; init; }
    /// <summary>The host's CPU time per accepted report, in microseconds: what a report costs, whatever the rate.</summary>
    public double? HostCpuUsPerReport { get; init; }

    // with operators (--operators N; soak by default) only.
    public int? Operators { get; init; }
    /// <summary>Incidents the operators saw open or closed (from sign-in on, so the warm-up's too).</summary>
    public long? IncidentsOpened { get; init; }
    public long? IncidentsClosed { get; init; }
    /// <summary>The host's open incidents after the run (the operators' GET /api/incidents?status=open): mostly those whose track had not reported again yet.</summary>
    public long? IncidentsOpenAtEnd { get; init; }
    public long? OperatorAcks { get; init; }
    /// <summary>409s (not due any more, e.g. the track crossed again before resolve), 403s (asked someone else), and failed or unsent acks.</summary>
    public long? OperatorAckConflicts { get; init; }
    public long? OperatorAckRefused { get; init; }
    public long? OperatorAckErrors { get; init; }
    /// <summary>Acks after the step's deadline (it had escalated).</summary>
    public long? OperatorAcksLate { get; init; }
    /// <summary>From dueAt to ackedAt, both the host's clock: push (or sweep), queue and the HTTP ack.</summary>
    public double? AckP50Ms { get; init; }
    public double? AckP99Ms { get; init; }
    public double? AckMaxMs { get; init; }
    /// <summary>What the non-200 ack answers said (status, step, problem; digits as #), at most 20 kinds.</summary>
    public IReadOnlyDictionary<string, int>? OperatorAckProblems { get; init; }

    // replay only: the drill at "max" (reportsPerSecond above is then the replay rate).
    public string? ReplayRecording { get; init; }
    public long? ReplayReports { get; init; }
    public double? ReplaySeconds { get; init; }
    public int? ReplayIncidents { get; init; }
    public string? ReplayState { get; init; }
    /// <summary>replay: the rate at which the recording was accepted in the first phase.</summary>
    public double? RecordingReportsPerSecond { get; init; }
}
