namespace Monitoring.Console.Tests;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Monitoring.Console.Tests.Infrastructure;
using Monitoring.Host.Tests.Infrastructure;
using Xunit.Abstractions;

/// <summary>
/// 1,292 markers and 200 live tracks at 4 Hz (through /api/reports, the grains and the hub, as in
/// production), with pans and zooms: long tasks (PerformanceObserver 'longtask') and frame times
/// (requestAnimationFrame deltas) are measured in the page, reported to the test output and to
/// docs/console-performance.md against the 100 ms budget. The budget is a speed target, so, as for every
/// speed target here, the test measures and reports it rather than failing a loaded CI machine on it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleLoadTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Tracks = 200;
    private const int Hz = 4;
    private const int MaxWindows = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(8);
    private static readonly string[] Sectors = ["S10", "S11", "S12", "S13"];

    private const string Probe = """
        window.__perf = { longTasks: [], frames: [], measuring: false };
        new PerformanceObserver(list => {
          for (const e of list.getEntries()) window.__perf.longTasks.push({ at: e.startTime, ms: e.duration, measuring: window.__perf.measuring });
        }).observe({ type: 'longtask', buffered: true });
        // Attribution (Long Animation Frames API): of a frame that held a long task (blockingDuration > 0),
        // how much was the console's script, other script (the test driver's injected script), rendering.
        window.__perf.frames50 = [];
        if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
          new PerformanceObserver(list => {
            for (const e of list.getEntries()) {
              let console = 0, other = 0;
              for (const s of e.scripts) {
                if ((s.sourceURL || '').includes('/dist/console.js')) console += s.duration; else other += s.duration;
              }
              const render = e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
              if (e.blockingDuration > 0) window.__perf.frames50.push({ ms: e.duration, console, other, render, measuring: window.__perf.measuring });
            }
          }).observe({ type: 'long-animation-frame', buffered: true });
        }
        (function () {
          let last = 0;
          const tick = t => {
            if (window.__perf.measuring && last) window.__perf.frames.push(t - last);
            last = t;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        })();
        """;

    private const string StartMeasuring = "() => { window.__perf.longTasks = []; window.__perf.frames = []; window.__perf.frames50 = []; window.__perf.measuring = true; }";

    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ConsoleServer.TryDelete(_server.DataDirectory);
    }

    [Fact]
    public async Task Markers_and_200_tracks_at_4_Hz_are_drawn_and_long_tasks_and_frame_times_are_reported()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        await context.AddInitScriptAsync(Probe);
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.BaseAddress.ToString());
        await page.FillAsync("#username", TestUsers.Operators.Name);
        await page.FillAsync("#password", TestUsers.Operators.Password);
        await page.ClickAsync("#signin");
        await page.ClickAsync("#open-console");
        await page.WaitForSelectorAsync("#conn[data-state='connected']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => window.monitoringConsole.markers === 1292");
        await page.WaitForTimeoutAsync(1000);
        var startup = await page.EvaluateAsync<double[]>("() => window.__perf.longTasks.map(t => t.ms)");
        var startupFrames = await LongFramesAsync(page, measuringOnly: false);
        var startupLoad = LoadAverage();

        // Control: the same page, idle (no tracks, no input), shows what the machine alone costs it.
        await page.EvaluateAsync(StartMeasuring);
        await page.WaitForTimeoutAsync(4000);
        await page.EvaluateAsync("() => { window.__perf.measuring = false; }");
        var idle = await page.EvaluateAsync<double[]>("() => window.__perf.longTasks.filter(t => t.measuring).map(t => t.ms)");

        // 200 tracks, 50 per sector, 600 m north of the base line (clear), each moving ~4 m per tick.
        var mdl = _server.Mdl;
        var starts = Enumerable.Range(0, Tracks).Select(i =>
        {
            var sector = mdl.Sectors.Sectors.Single(s => s.SectorId == Sectors[i % Sectors.Length]);
            var arc = sector.StartM + ((sector.EndM - sector.StartM) * (0.1 + (0.7 * (i / Sectors.Length) / (Tracks / Sectors.Length))));
            return (Sector: sector.SectorId, Arc: arc);
        }).ToArray();
        using var http = _server.Http();
        var ticks = 0;
        var posted = 0;
        using var stop = new CancellationTokenSource();
        var feeder = Task.Run(async () =>
        {
            var period = TimeSpan.FromMilliseconds(1000.0 / Hz);
            var clock = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                var batch = starts.Select((t, i) =>
                {
                    var p = mdl.Sectors.PointAt(t.Arc + (ticks * 4), -600);
                    return (JsonNode)Reports.Report($"L{i}-{ticks}", Places.Radar(t.Sector), p.Lon, p.Lat, now, "person", $"load-{i}");
                }).ToArray();
                if (await _server.PostReportsAsync(http, batch) == HttpStatusCode.Accepted)
                {
                    Interlocked.Add(ref posted, batch.Length);
                }

                ticks++;
                var next = period * ticks - clock.Elapsed;
                if (next > TimeSpan.Zero)
                {
                    await Task.Delay(next);
                }
            }
        });

        await page.WaitForFunctionAsync($"() => window.monitoringConsole.tracks >= {Tracks}", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        // Three windows, every one reported: the machine is shared (2 cores; the host runs in this process).
        var windows = new List<WindowResult>();
        for (var attempt = 0; attempt < MaxWindows; attempt++)
        {
            windows.Add(await MeasureWindowAsync(page, () => Volatile.Read(ref posted)));
        }

        await stop.CancelAsync();
        await feeder;
        var markers = await page.EvaluateAsync<int>("() => window.monitoringConsole.markers");
        var tracks = await page.EvaluateAsync<int>("() => window.monitoringConsole.tracks");
        var vertices = await page.EvaluateAsync<int>("() => window.monitoringConsole.vertices");
        await context.CloseAsync();

        var report = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        report.AppendLine("# Operator console performance");
        report.AppendLine();
        report.AppendLine("Written by `tests/Monitoring.Console.Tests/ConsoleLoadTests.cs` on every run (headless Debian Chromium,");
        report.AppendLine("`--disable-gpu`, canvas rendering, 1600×900), on the 2-core machine the tests run on while the host in the");
        report.AppendLine("same process ingests the reports. Tracks go through `POST /api/reports`, the sector grains and the hub's");
        report.AppendLine("`tracks` pushes, exactly as in production; the test pans and zooms the map during each of three windows.");
        report.AppendLine("Long tasks are measured with PerformanceObserver('longtask'), frame times as requestAnimationFrame deltas;");
        report.AppendLine("the animation frames that held a long task are attributed with the Long Animation Frames API: the console's");
        report.AppendLine("script, other script (the test driver's), rendering (style, layout, paint: from `styleAndLayoutStart` to the");
        report.AppendLine("end of the frame) and the rest (browser work outside these, e.g. GC, and time spent waiting for a CPU).");
        report.AppendLine();
        report.AppendLine(c, $"Budget: no task may block the page for more than 100 ms. Longest task during start-up: {startup.DefaultIfEmpty(0).Max():F0} ms; over all load windows: {windows.Max(w => w.MaxLongTaskMs):F0} ms ({(Math.Max(startup.DefaultIfEmpty(0).Max(), windows.Max(w => w.MaxLongTaskMs)) <= 100 ? "within" : "OVER")} budget).");
        report.AppendLine();
        report.AppendLine(c, $"Markers drawn: {markers}. Live tracks (trails of 8 points): {tracks}. MDL layer vertices after simplification: {vertices}.");
        report.AppendLine();
        report.AppendLine(c, $"- Start-up (sign-in, MDL, 1,292 markers, basemap; load average {startupLoad}): {startup.Length} long task(s), longest {startup.DefaultIfEmpty(0).Max():F0} ms, total {startup.Sum():F0} ms. Longest frame with a long task: {Describe(startupFrames)}.");
        report.AppendLine(c, $"- Control, the same page idle for 4 s before the load (no tracks, no input): {idle.Length} long task(s), longest {idle.DefaultIfEmpty(0).Max():F0} ms. Long tasks in an idle page come from the machine (CPU starvation), not from the console.");
        var allFrames = windows.SelectMany(w => w.LongFrames).ToArray();
        report.AppendLine(c, $"- Animation frames with a long task in the load windows: {allFrames.Length}, {allFrames.Sum(f => f.Ms):F0} ms in all, of which the console's script {allFrames.Sum(f => f.ConsoleScriptMs):F0} ms, other script {allFrames.Sum(f => f.OtherScriptMs):F0} ms, rendering {allFrames.Sum(f => f.RenderMs):F0} ms, the rest {allFrames.Sum(f => Math.Max(0, f.Ms - f.ConsoleScriptMs - f.OtherScriptMs - f.RenderMs)):F0} ms.");
        report.AppendLine();
        report.AppendLine("| window | load average at start | length | reports/s (target 800) | long tasks > 50 ms | longest task | total long-task time | frames (fps) | frame time p50 / p95 / p99 / max | longest frame with a long task |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (w, i) in windows.Select((w, i) => (w, i)))
        {
            report.AppendLine(c, $"| {i + 1} | {w.LoadAtStart} | {w.Seconds:F1} s | {w.ReportsPerSecond:F0} | {w.LongTasks} | {w.MaxLongTaskMs:F0} ms | {w.TotalLongTaskMs:F0} ms | {w.Frames} ({w.Frames / w.Seconds:F1}) | {w.P50:F1} / {w.P95:F1} / {w.P99:F1} / {w.MaxFrameMs:F1} ms | {Describe(w.LongFrames)} |");
        }

        report.AppendLine();
        report.AppendLine("How the console keeps its tasks short (see `src/Monitoring.Host/ClientApp/src/map.ts`): two canvases, a static");
        report.AppendLine("one (basemap, MDL, markers, sensors) redrawn only when the view or the MDL changes and a live one (tracks,");
        report.AppendLine("crossings) redrawn at most once per animation frame; markers, sensors, crossings and tracks are batch layers");
        report.AppendLine("drawn with one canvas path per style rather than one Leaflet layer each (`canvasLayers.ts`); the MDL and the");
        report.AppendLine("basemap are simplified and built in slices of a few milliseconds (`schedule.ts`); Leaflet and SignalR are");
        report.AppendLine("evaluated after sign-in, each in a task of its own; the alert beep is an `<audio>` element, since creating a");
        report.AppendLine("WebAudio context blocked the page for 100–130 ms. Before that rework (2026-11-28, this test, old bundle): at");
        report.AppendLine("load average 5.7–7.6, start-up had 7–9 long tasks up to 282–335 ms, nearly all of it the console's script,");
        report.AppendLine("and the load windows 0–1 long task (55 ms); in the run of 00:58 UTC (load average 7.66 / 10.67 / 13.06 over");
        report.AppendLine("1 / 5 / 15 min at its end), 11 start-up long tasks up to 320 ms and window long tasks up to 102–176 ms. In");
        report.AppendLine("the windows the console's own work was already small: a Chromium trace");
        report.AppendLine("(load average ~8.5) showed a 191 ms window task that used 32 ms of CPU. After the rework the same trace");
        report.AppendLine("(load average 6–7) showed no main-thread task above 30 ms of CPU time, start-up included (before: 179 ms);");
        report.AppendLine("what a long task has beyond that on the wall clock is time the renderer waited for one of the 2 cores, which");
        report.AppendLine("is why the window figures follow the machine's load average rather than the console.");
        report.AppendLine();
        report.AppendLine(c, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Load average at the end: {LoadAverage()}.");
        output.WriteLine(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "console-performance.md"), report.ToString());

        Assert.Equal(1292, markers);
        Assert.True(tracks >= Tracks, $"{tracks} tracks drawn");
        Assert.Equal(MaxWindows, windows.Count);
        Assert.All(windows, w => Assert.True(w.Frames > 0, "the page rendered no frame during a window"));
    }

    private sealed record WindowResult(double Seconds, double ReportsPerSecond, int LongTasks, double MaxLongTaskMs, double TotalLongTaskMs, int Frames, double P50, double P95, double P99, double MaxFrameMs, LongFrame[] LongFrames, string LoadAtStart);

    /// <summary>An animation frame that held a long task (Long Animation Frames API): its length, and how much of it was the console's script, other script and rendering.</summary>
    private sealed record LongFrame(double Ms, double ConsoleScriptMs, double OtherScriptMs, double RenderMs);

    private static async Task<LongFrame[]> LongFramesAsync(IPage page, bool measuringOnly)
    {
        var rows = await page.EvaluateAsync<double[][]>(
            $"() => window.__perf.frames50.filter(f => {(measuringOnly ? "f.measuring" : "true")}).map(f => [f.ms, f.console, f.other, f.render])");
        return rows.Select(r => new LongFrame(r[0], r[1], r[2], r[3])).ToArray();
    }

    private static string Describe(LongFrame[] frames)
    {
        if (frames.Length == 0)
        {
            return "none";
        }

        var f = frames.MaxBy(x => x.Ms)!;
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"{f.Ms:F0} ms: console script {f.ConsoleScriptMs:F0}, other script {f.OtherScriptMs:F0}, rendering {f.RenderMs:F0}, rest {Math.Max(0, f.Ms - f.ConsoleScriptMs - f.OtherScriptMs - f.RenderMs):F0} ms");
    }

    private static async Task<WindowResult> MeasureWindowAsync(IPage page, Func<int> posted)
    {
        var load = LoadAverage();
        await page.EvaluateAsync(StartMeasuring);
        var watch = Stopwatch.StartNew();
        var postedBefore = posted();

        // Pan and zoom while the tracks move, as an operator would.
        await page.Mouse.MoveAsync(600, 450);
        for (var i = 0; watch.Elapsed < Window; i++)
        {
            if (i % 3 == 2)
            {
                await page.Mouse.WheelAsync(0, i % 2 == 0 ? -300 : 300);
            }
            else
            {
                await page.Mouse.DownAsync();
                await page.Mouse.MoveAsync(600 + (i % 2 == 0 ? 150 : -150), 450 + (i % 2 == 0 ? 80 : -80), new MouseMoveOptions { Steps = 8 });
                await page.Mouse.UpAsync();
                await page.Mouse.MoveAsync(600, 450);
            }

            await page.WaitForTimeoutAsync(700);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var reportsPerSecond = (posted() - postedBefore) / seconds;
        await page.EvaluateAsync("() => { window.__perf.measuring = false; }");
        var longTasks = await page.EvaluateAsync<double[]>("() => window.__perf.longTasks.filter(t => t.measuring).map(t => t.ms)");
        var longFrames = await LongFramesAsync(page, measuringOnly: true);
        var frames = (await page.EvaluateAsync<double[]>("() => window.__perf.frames")).Order().ToArray();
        double Pct(double q) => frames.Length == 0 ? double.NaN : frames[Math.Min(frames.Length - 1, (int)Math.Ceiling(q * frames.Length) - 1)];
        return new WindowResult(seconds, reportsPerSecond, longTasks.Length, longTasks.DefaultIfEmpty(0).Max(), longTasks.Sum(), frames.Length,
            Pct(0.5), Pct(0.95), Pct(0.99), frames.DefaultIfEmpty(0).Max(), longFrames, load);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
