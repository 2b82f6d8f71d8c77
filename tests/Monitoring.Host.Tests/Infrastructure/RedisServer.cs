using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// A real, throwaway redis-server (Debian's package) on a free loopback port, with no persistence.
/// Use it per test: <c>await using var redis = await RedisServer.StartAsync();</c>,
/// or per class as <c>IClassFixture&lt;RedisServer&gt;</c> (xunit starts and stops it).
/// Connect with <see cref="ConnectionString"/>.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IAsyncDisposable
{
    private const int Attempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public RedisServer()
    {
        // A test run that ends without disposing (a crash, a forgotten fixture) must not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The loopback port it listens on (valid once started).</summary>
    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis connection string; allowAdmin lets tests FLUSHALL or read INFO.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},allowAdmin=true";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts redis-server and returns once it answers PING.
    /// </summary>
    /// <param name="port">A fixed port, e.g. the old one to restart a stopped server; otherwise a free one is picked.</param>
    /// <param name="extraArguments">Appended to the command line, so they override the defaults (e.g. "--appendonly", "yes").</param>
    public static async Task<RedisServer> StartAsync(
        int? port = null, IReadOnlyList<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        var server = new RedisServer();
        await server.StartCoreAsync(port, extraArguments ?? [], cancellationToken);
        return server;
    }

    /// <summary>Kills the server (like a crash: nothing is flushed). Safe to call twice.</summary>
    public async Task StopAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync(null, [], CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => StopAsync();

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task StartCoreAsync(int? port, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        var executable = FindExecutable();
        for (var attempt = 1; ; attempt++)
        {
            Port = port ?? FreePort.Next();
            var process = Launch(executable, Port, extraArguments);
            if (await WaitUntilReadyAsync(process, Port, cancellationToken))
            {
                _process = process;
                return;
            }

            process.Kill(entireProcessTree: true);
            process.Dispose();
            // Another process may have grabbed a picked port between FreePort and bind: pick again.
            if (port is not null || attempt == Attempts)
            {
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s. Its output:\n"
                    + string.Join('\n', _output));
            }
        }
    }

    private Process Launch(string executable, int port, IReadOnlyList<string> extraArguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] defaults =
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
        ];
        foreach (var argument in defaults.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitUntilReadyAsync(Process process, int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await PingAsync(port, cancellationToken))
            {
                return true;
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }

    private static async Task<bool> PingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, "redis-server"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server is not installed, and the Redis tests need a real one. "
                + "`.ci/run` installs it; locally run `apt-get install -y redis-server` (Debian's package).");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 50 && _output.TryDequeue(out _))
        {
        }
    }
}
