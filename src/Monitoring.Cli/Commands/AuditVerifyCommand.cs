using Monitoring.Grains.Audit;
using Spectre.Console;
using StackExchange.Redis;

namespace Monitoring.Cli.Commands;

/// <summary>
/// `monitoring audit verify`: recomputes the audit hash chain from a file (embedded mode) or the Redis list
/// (cluster mode) with the same rules the host writes with (<see cref="AuditChain"/>), and names the first break.
/// </summary>
public sealed class AuditVerifyCommand : ICliCommand
{
    private const int RedisPage = 1000;
    private static readonly string[] Known = ["--file", "--data-dir", "--redis", "--service-id"];

    public string Name => "audit verify";

    public string Summary => "Check the audit log's hash chain; name the first broken entry.";

    public string Help =>
        """
        Usage: monitoring audit verify [--file PATH | --data-dir DIR]
               monitoring audit verify --redis CONNSTR [--service-id ID]

        Recomputes the audit log's hash chain, h_i = SHA-256(entry_i || h_(i-1)),
        and prints how many entries checked out. When the chain is broken it
        names the FIRST broken index and why: an unparsable line, an index gap
        (a deleted, repeated or moved line) or a hash mismatch (an edited entry).
        The format is described in docs/audit.md.

        Options:
          --file PATH       an audit log file (embedded mode)
          --data-dir DIR    a host's data directory: reads DIR/audit/audit.log
                            (the default, with DIR = ./data)
          --redis CONNSTR   a StackExchange.Redis connection string (cluster mode)
          --service-id ID   the cluster's ServiceId; the list is "ID:audit"
                            (default: monitoring)
          -h, --help        show this text

        Bytes after a file's last newline are a write cut short by a crash: never
        acknowledged, reported as a warning, not a break (the host removes them
        when it next starts).

        Exit codes: 0 intact, 1 broken, 2 bad arguments or unreadable log.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!CliOptions.TryParse(arguments, Known, out var options, out var error))
        {
            return Usage(console, error!);
        }

        var sources = new[] { "--file", "--data-dir", "--redis" }.Count(options.Has);
        if (sources > 1)
        {
            return Usage(console, "give one of --file, --data-dir or --redis");
        }

        if (options.Has("--service-id") && !options.Has("--redis"))
        {
            return Usage(console, "--service-id goes with --redis");
        }

        try
        {
            if (options["--redis"] is { } redis)
            {
                var serviceId = options["--service-id"] ?? "monitoring";
                if (string.IsNullOrWhiteSpace(serviceId))
                {
                    return Usage(console, "--service-id must not be empty");
                }

                var key = AuditRedisKey.For(serviceId);
                return Report(console, $"Redis list {key}", await VerifyRedisAsync(redis, key, cancellationToken).ConfigureAwait(false));
            }

            var path = options["--file"] ?? AuditFile.PathIn(options["--data-dir"] ?? "./data");
            if (!File.Exists(path))
            {
                console.MarkupLineInterpolated($"[red]Cannot read the audit log: {path} does not exist.[/]");
                return ExitCodes.Usage;
            }

            return Report(console, path, await AuditFile.VerifyAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or RedisException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the audit log: {exception.Message}[/]");
            return ExitCodes.Usage;
        }
    }

    private static async Task<AuditVerification> VerifyRedisAsync(string configuration, string key, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        var database = connection.GetDatabase();
        var verifier = new AuditChainVerifier();
        // Pages up to the length at the start: entries appended meanwhile are left for the next run.
        var length = await database.ListLengthAsync(key).ConfigureAwait(false);
        for (long from = 0; from < length && !verifier.IsBroken; from += RedisPage)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await database.ListRangeAsync(key, from, Math.Min(length, from + RedisPage) - 1).ConfigureAwait(false);
            foreach (var value in page)
            {
                if (!verifier.Add(value.ToString()))
                {
                    break;
                }
            }
        }

        return verifier.Result;
    }

    private static int Report(IAnsiConsole console, string source, AuditVerification result)
    {
        console.WriteLine($"Audit log: {source}");
        if (result.TornTail)
        {
            console.MarkupLine("[yellow]Warning: the file ends in a torn (incomplete) last line from an interrupted write; "
                + "it was never acknowledged and is ignored. The host cuts it when it next starts.[/]");
        }

        if (result.Break is { } broken)
        {
            console.WriteLine($"Checked {result.Checked} entries before the break.");
            console.MarkupLineInterpolated($"[red]BROKEN at index {broken.Index} ({Kind(broken.Kind)}): {broken.Reason}[/]");
            return ExitCodes.Failed;
        }

        console.WriteLine($"Checked {result.Checked} entries.");
        console.MarkupLineInterpolated($"[green]OK[/]: the chain is intact; head hash {result.Head.LastHash} (index {result.Head.NextIndex - 1}).");
        return ExitCodes.Ok;
    }

    private static string Kind(AuditBreakKind kind) => kind switch
    {
        AuditBreakKind.HashMismatch => "hash mismatch",
        AuditBreakKind.IndexGap => "index gap",
        _ => "unparsable line",
    };

    private static int Usage(IAnsiConsole console, string error)
    {
        console.MarkupLineInterpolated($"[red]monitoring audit verify: {error}[/]");
        console.WriteLine("Run `monitoring audit verify --help` for usage.");
        return ExitCodes.Usage;
    }
}
