namespace Monitoring.LoadTests.Hosting;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

/// <summary>
/// --self-host: the built host as a child process on free loopback ports with a throw-away data
/// directory, in Development (sensor key dev-sensor-key, demo users) with the built-in simulation off,
/// so the only traffic is the load test's. Disposing kills it and deletes the data directory.
/// </summary>
public sealed class SelfHost : IAsyncDisposable
{
    private const int KeptLines = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SelfHost(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to /health/ready answering 200.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    public string Output => string.Join('\n', _output);

    public static async Task<SelfHost> StartAsync(string hostDll, bool recorder, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(hostDll))
        {
            throw new FileNotFoundException($"The built host is missing: {hostDll}. Build it first: dotnet build -c Release src/Monitoring.Host", hostDll);
        }

        var port = FreePort.Next();
        var data = Path.Combine(Path.GetTempPath(), "monitoring-load-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Monitoring__DataDirectory"] = data;
        start.Environment["Monitoring__SiloPort"] = "0";
        start.Environment["Monitoring__GatewayPort"] = "0";
        start.Environment["Monitoring__Simulation__Enabled"] = "false";
        start.Environment["Monitoring__Recording__Enabled"] = recorder ? "true" : "false";
        // Information-level console logging per request would measure the console, not the host.
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
        var host = new SelfHost(process, new Uri($"http://127.0.0.1:{port}"), data);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitReadyAsync(readyTimeout, cancellationToken);
            host.ReadyAfter = watch.Elapsed;
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(25, cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {timeout}.\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
