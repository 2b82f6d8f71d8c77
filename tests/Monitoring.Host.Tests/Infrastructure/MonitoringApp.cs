namespace Monitoring.Host.Tests.Infrastructure;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The real host (co-hosted silo, SQLite storage) in-process, on free silo/gateway ports and its own
/// data directory. Dispose and create another on the same DataDirectory to "restart" it.
/// </summary>
public sealed class MonitoringApp : WebApplicationFactory<Program>
{
    public const string SensorKey = "test-sensor-key";
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDataDirectory;

    public MonitoringApp(string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Monitoring:DataDirectory"] = DataDirectory,
            ["Monitoring:SiloPort"] = FreePort.Next().ToString(),
            ["Monitoring:GatewayPort"] = FreePort.Next().ToString(),
            ["Monitoring:Security:SensorKeys:0"] = SensorKey,
            ["Monitoring:Simulation:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
    }

    public string DataDirectory { get; }

    public static string NewDataDirectory()
        => Path.Combine(Path.GetTempPath(), "monitoring-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Starts the host and waits until /health/ready answers 200.</summary>
    public async Task<HttpClient> StartAsync(TimeSpan? timeout = null)
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return client;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/health/ready still answers {(int)response.StatusCode}");
            }

            await Task.Delay(100);
        }
    }

    public HttpClient SensorClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SensorKey);
        return client;
    }

    /// <summary>A real SignalR client over the test server (WebSockets).</summary>
    public async Task<HubConnection> ConnectConsoleAsync(Action<HubConnection>? beforeStart = null)
    {
        var server = Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/console"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = server.CreateWebSocketClient();
                    return await ws.ConnectAsync(context.Uri, ct);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(
                new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)))
            .Build();
        beforeStart?.Invoke(connection);
        await connection.StartAsync();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDataDirectory)
        {
            TryDelete(DataDirectory);
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
