namespace Monitoring.LoadTests.Cli;

using System.Globalization;
using System.Text.Json;
using Monitoring.LoadTests.Hosting;
using Monitoring.LoadTests.Measurement;
using Monitoring.LoadTests.Operators;
using Monitoring.LoadTests.Reporting;
using Monitoring.LoadTests.Scenarios;
using Monitoring.LoadTests.Target;
using Monitoring.LoadTests.Workload;
using Spectre.Console;

/// <summary>
/// One run: (self-host) → sign in, read sensors and MDL → plan tracks → consoles → warm-up → open-loop
/// load with live progress → drain → verify alerts → summary.json, timeline.csv, report.html.
/// Exit code 0, or 1 when there were errors or missing alerts, 2 for bad arguments.
/// </summary>
public static class LoadTestApp
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        LoadTestOptions options;
        try
        {
            options = LoadTestOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine(LoadTestOptions.Usage);
            return 2;
        }

        var result = await RunAsync(options, cancellationToken);
        return result.Errors > 0 || result.AlertsMissing > 0 || result.ReplayState is not (null or "finished") ? 1 : 0;
    }

    public static async Task<RunSummary> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        var console = options.NoProgress ? null : AnsiConsole.Console;
        var loadStart = RuntimeSampler.LoadAverage();
        SelfHost? host = null;
        try
        {
            if (options.SelfHost)
            {
                var dll = options.HostDll ?? RepositoryLayout.HostDll();
                Say(options, $"starting {dll} (recorder {(options.Recorder ? "on" : "off")})");
                host = await SelfHost.StartAsync(dll, options.Recorder, TimeSpan.FromMinutes(3), cancellationToken);
                Say(options, $"host ready after {host.ReadyAfter.TotalSeconds:0.00} s at {host.BaseAddress} (pid {host.ProcessId})");
            }

            var baseAddress = host?.BaseAddress ?? options.Target!;
            using var target = new TargetClient(baseAddress, options.Key!);
            await target.SignInAsync(options.User, options.Password, cancellationToken);
            var sensors = await target.SensorsAsync(cancellationToken);
            var mdl = await target.MdlAsync(cancellationToken);
            var hotSector = options.Scenario == "hot-sector"
                ? options.Sector ?? mdl.Sectors.Sectors[mdl.Sectors.Sectors.Count / 2].SectorId
                : options.Sector;
            var plan = WorkloadPlan.Build(mdl, sensors, hotSector, options.Tracks, options.Seed);
            Say(options, $"{plan.TrackCount} tracks ({plan.ApproachingTracks} approaching) on {plan.Lanes.Length} sensors in {plan.Sectors.Count} sector(s)");

            var extraSeconds = 120;
            var timeline = new RunTimeline((int)Math.Ceiling(options.Duration.TotalSeconds) + extraSeconds);
            var run = "lt" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
            await using var fleet = options.Consoles > 0
                ? await ConsoleFleet.StartAsync(baseAddress, target.AccessToken, options.Consoles, options.ConsoleSectors, options.TrackFormat, plan.Sectors, timeline, run + "m", cancellationToken)
                : new ConsoleFleet([], plan.Sectors);
            if (options.Consoles > 0)
            {
                var each = options.ConsoleSectors == 0 ? plan.Sectors.Count : Math.Min(options.ConsoleSectors, plan.Sectors.Count);
                Say(options, $"{options.Consoles} consoles, each subscribed to {each} of {plan.Sectors.Count} sector(s), {options.TrackFormat} track pushes");
            }

            // Before the warm-up: the warm-up's incidents are handled too, so the measured part starts in a steady state.
            await using var desk = options.Operators > 0
                ? await OperatorDesk.StartAsync(baseAddress, options.OperatorUsers, options.Operators, cancellationToken)
                : null;
            if (desk is not null)
            {
                Say(options, $"{desk.Consoles.Count} operators signed in ({string.Join(", ", desk.Consoles.Select(c => c.Account.Name))})");
            }

            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Connections,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                UseCookies = false,
            })
            { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

            var maxInFlight = (long)Math.Max(1000, options.Rate * 10 / options.Batch);
            if (options.Warmup > TimeSpan.Zero)
            {
                Say(options, $"warming up for {options.Warmup.TotalSeconds:0} s (not measured)");
                var warmTimeline = new RunTimeline((int)options.Warmup.TotalSeconds + extraSeconds);
                await new OpenLoopSender(http, options.Key!, plan, warmTimeline, run + "w")
                    .RunAsync(options.Rate, options.Batch, options.CrossingShare, options.Warmup, maxInFlight, cancellationToken);
            }

            using var samplingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampler = new RuntimeSampler(target, host?.ProcessId, timeline);
            var cpu = await CpuMeter.StartAsync(target, host?.ProcessId, cancellationToken);
            timeline.Restart();
            var sampling = sampler.RunAsync(samplingStop.Token);
            var sender = new OpenLoopSender(http, options.Key!, plan, timeline, run + "m");
            // replay of a named recording: nothing to record first.
            var sending = options.Recording is null
                ? sender.RunAsync(options.Rate, options.Batch, options.CrossingShare, options.Duration, maxInFlight, cancellationToken)
                : Task.CompletedTask;
            await ShowProgressAsync(options, console, timeline, sender, fleet, desk, sending);
            await sending;
            var cpuUsed = await cpu.StopAsync(cancellationToken);

            var alerts = (Missing: 0L, Logged: 0L, Duplicates: 0L);
            if (options.Consoles > 0)
            {
                Say(options, "waiting for the last alerts, then checking every console against the sector logs");
                await fleet.WaitQuietAsync(timeline, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
                alerts = await fleet.VerifyAsync(cancellationToken);
            }

            OperatorFigures? operators = null;
            if (desk is not null)
            {
                Say(options, "stopping the operators and asking the host which incidents are still open");
                operators = await desk.FinishAsync(cancellationToken);
            }

            ReplayResult? replay = null;
            if (options.Scenario == "replay")
            {
                var recording = options.Recording ?? await target.NewestRecordingAsync(cancellationToken)
                    ?? throw new InvalidOperationException("the target has no recording to replay: is its recorder on (Monitoring:Recording:Enabled)?");
                Say(options, $"replaying recording {recording} as a drill at speed max");
                replay = await ShowReplayAsync(console, target, recording, cancellationToken);
            }

            await samplingStop.CancelAsync();
            await sampling;
            await sampler.SampleOnceAsync(cancellationToken);

            var summary = Summarize(options, host, baseAddress, plan, timeline, sender, fleet, sampler, alerts, loadStart, cpuUsed);
            if (operators is not null)
            {
                summary = summary with
                {
                    Operators = operators.Operators,
                    IncidentsOpened = operators.IncidentsOpened,
                    IncidentsClosed = operators.IncidentsClosed,
                    IncidentsOpenAtEnd = operators.IncidentsOpenAtEnd,
                    OperatorAcks = operators.Acks,
                    OperatorAckConflicts = operators.AckConflicts,
                    OperatorAckRefused = operators.AckRefused,
                    OperatorAckErrors = operators.AckErrors,
                    OperatorAcksLate = operators.AcksLate,
                    AckP50Ms = Round(operators.DueToAck.PercentileMs(0.50)),
                    AckP99Ms = Round(operators.DueToAck.PercentileMs(0.99)),
                    AckMaxMs = operators.DueToAck.Count == 0 ? null : Round(operators.DueToAck.MaxMs),
                    OperatorAckProblems = operators.AckProblems,
                };
            }

            if (replay is not null)
            {
                summary = summary with
                {
                    RecordingReportsPerSecond = summary.ReportsPerSecond,
                    ReportsPerSecond = Math.Round(replay.ReportsPerSecond, 1),
                    ReplayRecording = replay.Recording,
                    ReplayReports = replay.Final.Reports,
                    ReplaySeconds = replay.Final.ReplaySeconds,
                    ReplayIncidents = replay.Final.Incidents,
                    ReplayState = replay.Final.State,
                };
            }

            var directory = await WriteAsync(options, summary, timeline);
            Report(console, summary, directory);
            return summary;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static RunSummary Summarize(
        LoadTestOptions options,
        SelfHost? host,
        Uri baseAddress,
        WorkloadPlan plan,
        RunTimeline timeline,
        OpenLoopSender sender,
        ConsoleFleet fleet,
        RuntimeSampler sampler,
        (long Missing, long Logged, long Duplicates) alerts,
        double? loadStart,
        (double? HostS, double GeneratorS, double ElapsedS) cpu)
    {
        var seconds = timeline.Seconds;
        var durationS = options.Duration.TotalSeconds;
        var accepted = seconds.Sum(s => s.Accepted);
        var deliveries = fleet.Received;
        return new RunSummary
        {
            Scenario = options.Scenario,
            StartedAt = timeline.StartedAt,
            Target = baseAddress.ToString(),
            SelfHosted = host is not null,
            Recorder = host is null ? null : options.Recorder,
            HostReadyS = host is null ? null : Math.Round(host.ReadyAfter.TotalSeconds, 2),
            DurationS = durationS,
            TargetRate = options.Rate,
            Batch = options.Batch,
            Tracks = plan.TrackCount,
            Sectors = plan.Sectors.Count,
            Consoles = options.Consoles,
            ConsoleSectors = options.ConsoleSectors,
            TrackFormat = options.Consoles > 0 ? options.TrackFormat : null,
            ReportsSent = seconds.Sum(s => s.Sent),
            ReportsAccepted = accepted,
            // Over the time the host actually took: when it falls behind, its answers come after the schedule ends.
            ReportsPerSecond = Math.Round(accepted / Math.Max(durationS, timeline.LastAcceptMicroseconds / 1e6), 1),
            Requests = sender.Requests,
            Errors = seconds.Sum(s => s.Errors),
            ErrorKinds = sender.ErrorKinds,
            Crossings = sender.Crossings,
            AcceptP50Ms = Round(timeline.Accept.PercentileMs(0.50)),
            AcceptP95Ms = Round(timeline.Accept.PercentileMs(0.95)),
            AcceptP99Ms = Round(timeline.Accept.PercentileMs(0.99)),
            AcceptMaxMs = timeline.Accept.Count == 0 ? null : Round(timeline.Accept.MaxMs),
            SendLagP50Ms = Round(timeline.SendLag.PercentileMs(0.50)),
            SendLagP99Ms = Round(timeline.SendLag.PercentileMs(0.99)),
            AlertsReceived = deliveries,
            AlertP50Ms = Round(timeline.Alert.PercentileMs(0.50)),
            AlertP99Ms = Round(timeline.Alert.PercentileMs(0.99)),
            AlertMaxMs = timeline.Alert.Count == 0 ? null : Round(timeline.Alert.MaxMs),
            AlertAfterDecisionP50Ms = Round(timeline.AlertAfterDecision.PercentileMs(0.50)),
            AlertAfterDecisionP99Ms = Round(timeline.AlertAfterDecision.PercentileMs(0.99)),
            DeliveriesPerSecond = Math.Round(deliveries / durationS, 1),
            AlertsLogged = alerts.Logged,
            AlertsMissing = alerts.Missing,
            AlertDuplicates = alerts.Duplicates,
            ConsolesDisconnected = fleet.Consoles.Count(c => !c.Connected),
            PeakRssMb = sampler.PeakRssMb,
            StartRssMb = sampler.FirstRssMb,
            EndRssMb = sampler.LastRssMb,
            RssGrowthMb = options.Scenario == "soak" ? sampler.GrowthMb((long)(durationS * 1_000_000)) : null,
            PeakGcHeapMb = sampler.PeakGcHeapMb,
            LoadAverageStart = loadStart,
            LoadAverageEnd = RuntimeSampler.LoadAverage(),
            Cores = Environment.ProcessorCount,
            HostCpuCores = cpu.HostS is { } hostS ? Math.Round(hostS / cpu.ElapsedS, 3) : null,
            GeneratorCpuCores = Math.Round(cpu.GeneratorS / cpu.ElapsedS, 3),
            HostCpuUsPerReport = cpu.HostS is { } used && accepted > 0 ? Math.Round(used * 1e6 / accepted, 2) : null,
        };
    }

    private static async Task<string> WriteAsync(LoadTestOptions options, RunSummary summary, RunTimeline timeline)
    {
        var directory = options.OutDir ?? RepositoryLayout.ResultsDirectory(options.Scenario, summary.StartedAt);
        Directory.CreateDirectory(directory);
        // Only the seconds that belong to the run (plus any that saw late answers or alerts).
        var last = timeline.Seconds.Select((s, i) => (s, i)).LastOrDefault(x => x.s.Sent + x.s.Accepted + x.s.Errors + x.s.Alerts > 0).i;
        var seconds = timeline.Seconds.Take(Math.Max(last + 1, (int)Math.Ceiling(options.Duration.TotalSeconds))).ToArray();
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, Json));
        await File.WriteAllTextAsync(Path.Combine(directory, "timeline.csv"), CsvReport.Write(seconds));
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), HtmlReport.Write(summary, seconds, Json));
        return directory;
    }

    private static async Task ShowProgressAsync(LoadTestOptions options, IAnsiConsole? console, RunTimeline timeline, OpenLoopSender sender, ConsoleFleet fleet, OperatorDesk? desk, Task sending)
    {
        var totalS = options.Duration.TotalSeconds;
        string Status()
        {
            var now = timeline.NowMicroseconds / 1e6;
            var accepted = timeline.Seconds.Sum(s => s.Accepted);
            return string.Create(CultureInfo.InvariantCulture,
                $"{now,6:0}s accepted {accepted,10} ({accepted / Math.Max(1, now),8:0}/s) errors {timeline.Seconds.Sum(s => s.Errors),6} in-flight {sender.InFlight,5} p99 {timeline.Accept.PercentileMs(0.99) ?? 0,8:0.0} ms alerts {fleet.Received,8}{(desk is null ? "" : $" incidents open {desk.OpenNow,5} acks {desk.Acks,7}")}");
        }

        if (console is null)
        {
            // Plain lines for CI logs, every 5 s; the loop ends with the (bounded) sender.
            while (!sending.IsCompleted)
            {
                await Task.WhenAny(sending, Task.Delay(5000));
                Console.WriteLine(Status());
            }

            return;
        }

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(options.Scenario, maxValue: totalS);
                while (!sending.IsCompleted)
                {
                    await Task.WhenAny(sending, Task.Delay(250));
                    task.Value = Math.Min(totalS, timeline.NowMicroseconds / 1e6);
                    task.Description = Markup.Escape(Status());
                }

                task.Value = totalS;
            });
    }

    private static async Task<ReplayResult> ShowReplayAsync(IAnsiConsole? console, TargetClient target, string recording, CancellationToken cancellationToken)
    {
        static string Status(DrillProgress p) => string.Create(CultureInfo.InvariantCulture,
            $"replay {p.State} {p.Reports,10} reports in {p.ReplaySeconds,6:0.0} s ({p.Reports / Math.Max(0.001, p.ReplaySeconds),8:0}/s) alerts {p.Alerts,7}");
        if (console is null)
        {
            var lastLine = DateTime.UtcNow;
            var plain = await DrillReplay.RunAsync(target, recording, p =>
            {
                if (DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5) || p.Ended)
                {
                    lastLine = DateTime.UtcNow;
                    Console.WriteLine(Status(p));
                }
            }, cancellationToken);
            return plain;
        }

        ReplayResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("replay", maxValue: 1);
                result = await DrillReplay.RunAsync(target, recording, p =>
                {
                    task.Value = p.Progress;
                    task.Description = Markup.Escape(Status(p));
                }, cancellationToken);
                task.Value = 1;
            });
        return result!;
    }

    private static void Report(IAnsiConsole? console, RunSummary s, string directory)
    {
        if (console is not null)
        {
            var table = new Table().Title($"{s.Scenario}: {s.DurationS:0} s at {s.TargetRate:0} reports/s").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
            void Row(string name, object? value) => table.AddRow(Markup.Escape(name), Markup.Escape(value switch
            {
                null => "–",
                double d => d.ToString("0.##", CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            }));
            Row("reports accepted/s", s.ReportsPerSecond);
            Row("reports sent / accepted", $"{s.ReportsSent} / {s.ReportsAccepted}");
            Row("requests", s.Requests);
            Row("errors", s.Errors);
            Row("accept p50 / p95 / p99 / max (ms)", $"{s.AcceptP50Ms} / {s.AcceptP95Ms} / {s.AcceptP99Ms} / {s.AcceptMaxMs}");
            Row("generator send lag p50 / p99 (ms, part of accept)", $"{s.SendLagP50Ms} / {s.SendLagP99Ms}");
            Row("crossings sent", s.Crossings);
            Row("alerts received (all consoles)", s.AlertsReceived);
            Row("alert p50 / p99 / max (ms)", $"{s.AlertP50Ms} / {s.AlertP99Ms} / {s.AlertMaxMs}");
            Row("  of it after the host decided, p50 / p99 (ms)", $"{s.AlertAfterDecisionP50Ms} / {s.AlertAfterDecisionP99Ms}");
            Row("deliveries/s", s.DeliveriesPerSecond);
            Row("alerts logged / missing / duplicate", $"{s.AlertsLogged} / {s.AlertsMissing} / {s.AlertDuplicates}");
            Row("consoles disconnected at the end", s.ConsolesDisconnected);
            Row("RSS start / peak / end (MB)", $"{s.StartRssMb} / {s.PeakRssMb} / {s.EndRssMb}");
            Row("RSS growth (soak, MB)", s.RssGrowthMb);
            Row("GC heap peak (MB)", s.PeakGcHeapMb);
            Row("CPU cores used: host / generator", $"{s.HostCpuCores?.ToString(CultureInfo.InvariantCulture) ?? "-"} / {s.GeneratorCpuCores.ToString(CultureInfo.InvariantCulture)} of {s.Cores}");
            Row("host CPU per accepted report (µs)", s.HostCpuUsPerReport);
            Row("host ready after (s)", s.HostReadyS);
            if (s.ReplayRecording is not null)
            {
                Row("replay: recording", s.ReplayRecording);
                Row("replay: reports / seconds / state", $"{s.ReplayReports} / {s.ReplaySeconds} / {s.ReplayState}");
                Row("replay: incidents opened", s.ReplayIncidents);
                Row("replay: recording accepted at (reports/s)", s.RecordingReportsPerSecond);
            }

            if (s.Operators is not null)
            {
                Row("operators", s.Operators);
                Row("incidents opened / closed / open at end", $"{s.IncidentsOpened} / {s.IncidentsClosed} / {s.IncidentsOpenAtEnd}");
                Row("acks ok / 409 / 403 / failed / late", $"{s.OperatorAcks} / {s.OperatorAckConflicts} / {s.OperatorAckRefused} / {s.OperatorAckErrors} / {s.OperatorAcksLate}");
                Row("due → ack p50 / p99 / max (ms)", $"{s.AckP50Ms} / {s.AckP99Ms} / {s.AckMaxMs}");
            }

            Row("load average start / end", $"{s.LoadAverageStart} / {s.LoadAverageEnd}");
            console.Write(table);
            foreach (var (kind, count) in s.ErrorKinds)
            {
                console.MarkupLine($"[red]{count}×[/] {Markup.Escape(kind)}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Scenario}: {s.ReportsPerSecond:0} reports/s {(s.ReplayRecording is null ? "accepted" : $"replayed at max ({s.ReplayReports} in {s.ReplaySeconds} s, {s.ReplayState}; recorded at {s.RecordingReportsPerSecond:0}/s)")} (target {s.TargetRate:0}), errors {s.Errors}, accept p50 {s.AcceptP50Ms} ms p99 {s.AcceptP99Ms} ms, alert p50 {s.AlertP50Ms?.ToString(CultureInfo.InvariantCulture) ?? "-"} ms p99 {s.AlertP99Ms?.ToString(CultureInfo.InvariantCulture) ?? "-"} ms, missing {s.AlertsMissing}, peak RSS {s.PeakRssMb?.ToString(CultureInfo.InvariantCulture) ?? "-"} MB{(s.RssGrowthMb is { } growth ? $" (growth {growth} MB)" : "")}{(s.Operators is null ? "" : $", incidents opened {s.IncidentsOpened} closed {s.IncidentsClosed} open at end {s.IncidentsOpenAtEnd}")}, load {s.LoadAverageStart}→{s.LoadAverageEnd} → {directory}"));
    }

    private static void Say(LoadTestOptions options, string line)
    {
        if (options.NoProgress)
        {
            Console.WriteLine(line);
        }
        else
        {
            AnsiConsole.MarkupLine("[grey]" + Markup.Escape(line) + "[/]");
        }
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
