namespace Monitoring.LoadTests.Cli;

using System.Globalization;
using Monitoring.Contracts.Hub;
using Monitoring.LoadTests.Operators;

/// <summary>The command line: SCENARIO --target URL --key KEY [--rate N] [--duration 60s] ... (docs/performance.md).</summary>
public sealed class LoadTestOptions
{
    public static readonly string[] Scenarios = ["ingest", "hot-sector", "consoles", "soak", "replay"];

    public required string Scenario { get; init; }
    public Uri? Target { get; init; }
    public string? Key { get; init; }
    public bool SelfHost { get; init; }
    public string? HostDll { get; init; }
    public bool Recorder { get; init; } = true;
    public double Rate { get; init; }
    public TimeSpan Duration { get; init; }
    public int Consoles { get; init; }

    /// <summary>Sectors each console watches (consecutive, spread over the workload's sectors); 0 = all of them.</summary>
    public int ConsoleSectors { get; init; }

    /// <summary>How the consoles take track pushes (?trackFormat=): compact, as the operator console asks, or full.</summary>
    public string TrackFormat { get; init; } = TrackFormats.Compact;
    public string? OutDir { get; init; }
    public string User { get; init; } = "admin";
    public string Password { get; init; } = "admin-demo";
    public int Batch { get; init; }
    public double CrossingShare { get; init; }
    public int Tracks { get; init; }
    public string? Sector { get; init; }
    public int Connections { get; init; } = 64;
    public int Seed { get; init; } = 1;
    public bool NoProgress { get; init; }
    public TimeSpan Warmup { get; init; }
    public string? Recording { get; init; }

    /// <summary>Operator consoles that acknowledge incident steps (Operators/OperatorDesk); soak: 4, else 0.</summary>
    public int Operators { get; init; }

    /// <summary>The users the operators sign in as, in turn (default: the Development demo operators and duty officers).</summary>
    public IReadOnlyList<(string User, string Password)> OperatorUsers { get; init; } = OperatorDesk.DemoRota;

    public static string Usage =>
        """
        usage: Monitoring.LoadTests SCENARIO (--target URL --key SENSOR_KEY | --self-host) [options]
          SCENARIO            ingest | hot-sector | consoles | soak | replay
                              replay: records --duration of ingest at --rate (as ingest does), then replays that
                              recording as a drill at speed "max" and measures reports/s through the drill's sector grains
          --target URL        a running host (load only ever goes to it; use 127.0.0.1)
          --key KEY           sensor key for POST /api/reports (self-host: dev-sensor-key)
          --self-host         start the built Release host (src/Monitoring.Host/bin/Release) on free ports, temp data dir
          --host-dll PATH     the host dll to start with --self-host
          --no-recorder       self-host with Monitoring:Recording:Enabled=false (default: recorder on)
          --rate N            reports per second, scheduled open-loop (default: ingest 10000, hot-sector 10000, consoles 2000, soak 5000)
          --duration T        60s, 10m, 500ms (default 60s; soak 10m)
          --consoles K        SignalR consoles (consoles: default 10)
          --console-sectors N each console watches N consecutive sectors, the consoles spread evenly over the
                              workload's sectors, as operators each watch their own stretch (default 0: every sector)
          --track-format F    compact | full: the track pushes the consoles ask for (default compact, as the operator
                              console does; full is the whole-TrackState "tracks" push, docs/api.md "Track formats")
          --user U --password P   operator for the token (default: the Development demo admin)
          --batch B           reports per POST (default 100)
          --crossing-share F  share of reports that cross the line (default 0.01)
          --tracks N          distinct tracks (default 10000; soak 100000)
          --sector ID         hot-sector's sector (default: the middle one)
          --connections C     HTTP connections to the target (default 64)
          --seed S            workload seed (default 1)
          --warmup T          send at the rate for T first, unmeasured (JIT, grain activation); default 0
          --recording NAME    replay: replay this recording of the target instead of recording one first
          --operators N       operator consoles that acknowledge every incident step they may as it becomes due
                              (HTTP ack), including resolve once the track is back, so incidents close
                              (default: soak 4, otherwise 0). They sign in as the --operator-users in turn.
          --operator-users L  USER:PASSWORD,... (default: the Development demo users op-west, op-east, duty1, duty2:
                              operators ack their sectors' steps, duty officers resolve elsewhere and take warning-shots)
          --out DIR           results directory (default load-tests/results/<timestamp>-<scenario>)
          --no-progress       no live progress display (CI)
        """;

    public static LoadTestOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Scenarios.Contains(args[0]))
        {
            throw new ArgumentException(args.Length == 0 ? "no scenario given" : $"unknown scenario '{args[0]}'");
        }

        var scenario = args[0];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] flagNames = ["--self-host", "--no-recorder", "--no-progress"];
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (flagNames.Contains(name))
            {
                flags.Add(name);
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{name}'");
            }
        }

        var selfHost = flags.Contains("--self-host");
        var target = values.TryGetValue("--target", out var t) ? new Uri(t) : null;
        if (!selfHost && target is null)
        {
            throw new ArgumentException("give --target URL (and --key) or --self-host");
        }

        if (target is not null && !target.IsLoopback)
        {
            // Load is for this machine only.
            throw new ArgumentException("--target must be a loopback address (127.0.0.1 / localhost)");
        }

        var soak = scenario == "soak";
        var options = new LoadTestOptions
        {
            Scenario = scenario,
            Target = target,
            Key = values.GetValueOrDefault("--key") ?? (selfHost ? "dev-sensor-key" : null),
            SelfHost = selfHost,
            HostDll = values.GetValueOrDefault("--host-dll"),
            Recorder = !flags.Contains("--no-recorder"),
            Rate = Number(values, "--rate", scenario switch { "consoles" => 2000, "soak" => 5000, "replay" => 8000, _ => 10_000 }),
            Duration = values.TryGetValue("--duration", out var d) ? ParseDuration(d) : TimeSpan.FromSeconds(soak ? 600 : scenario == "replay" ? 30 : 60),
            Consoles = (int)Number(values, "--consoles", scenario == "consoles" ? 10 : 0),
            ConsoleSectors = (int)Number(values, "--console-sectors", 0),
            TrackFormat = values.GetValueOrDefault("--track-format") ?? TrackFormats.Compact,
            OutDir = values.GetValueOrDefault("--out"),
            User = values.GetValueOrDefault("--user") ?? "admin",
            Password = values.GetValueOrDefault("--password") ?? "admin-demo",
            Batch = (int)Number(values, "--batch", 100),
            CrossingShare = Number(values, "--crossing-share", 0.01),
            Tracks = (int)Number(values, "--tracks", soak ? 100_000 : 10_000),
            Sector = values.GetValueOrDefault("--sector"),
            Connections = (int)Number(values, "--connections", 64),
            Seed = (int)Number(values, "--seed", 1),
            NoProgress = flags.Contains("--no-progress"),
            Warmup = values.TryGetValue("--warmup", out var w) ? ParseDuration(w) : TimeSpan.Zero,
            Recording = values.GetValueOrDefault("--recording"),
            Operators = (int)Number(values, "--operators", soak ? 4 : 0),
            OperatorUsers = values.TryGetValue("--operator-users", out var users) ? ParseUsers(users) : OperatorDesk.DemoRota,
        };

        if (options.Recording is not null && scenario != "replay")
        {
            throw new ArgumentException("--recording is only for the replay scenario");
        }

        if (!TrackFormats.IsKnown(options.TrackFormat))
        {
            throw new ArgumentException($"--track-format must be {TrackFormats.Compact} or {TrackFormats.Full}, not '{options.TrackFormat}'");
        }

        if (options.Key is null)
        {
            throw new ArgumentException("--key SENSOR_KEY is required with --target");
        }

        if (options.Rate <= 0 || options.Batch is < 1 or > 10_000 || options.Tracks < 1 || options.Duration <= TimeSpan.Zero
            || options.CrossingShare is < 0 or > 1 || options.Connections < 1 || options.Consoles < 0 || options.ConsoleSectors < 0 || options.Operators < 0)
        {
            throw new ArgumentException("rate, batch (1..10000), tracks, duration and connections must be positive; crossing-share within 0..1");
        }

        // Bounded by design: at most a day, at most 10,000 consoles.
        if (options.Duration > TimeSpan.FromDays(1) || options.Warmup > TimeSpan.FromHours(1) || options.Consoles > 10_000 || options.Operators > 100)
        {
            throw new ArgumentException("duration is capped at 24h, consoles at 10000 and operators at 100");
        }

        return options;
    }

    public static TimeSpan ParseDuration(string text)
    {
        text = text.Trim();
        (string digits, double scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1),
            _ when text.EndsWith('m') => (text[..^1], 60),
            _ when text.EndsWith('h') => (text[..^1], 3600),
            _ => (text, 1),
        };
        return TimeSpan.FromSeconds(double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture) * scale);
    }

    /// <summary>"user:password,user:password" (a password may contain ':'; the first one separates).</summary>
    public static IReadOnlyList<(string User, string Password)> ParseUsers(string text)
    {
        var users = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':', 2))
            .Select(parts => parts.Length == 2 && parts[0].Length > 0 ? (parts[0], parts[1]) : throw new ArgumentException($"--operator-users: '{string.Join(':', parts)}' is not USER:PASSWORD"))
            .ToArray();
        return users.Length > 0 ? users : throw new ArgumentException("--operator-users: no USER:PASSWORD given");
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback)
        => values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;
}
