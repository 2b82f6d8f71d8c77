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
/// Configured with a signing key and the <see cref="TestUsers"/>; every /api read and the hub need a
/// token: <see cref="TokenFor"/>, <see cref="ClientFor"/>, <see cref="ConnectConsoleAsync(string, Action{HubConnection}?)"/>.
/// </summary>
public sealed class MonitoringApp : WebApplicationFactory<Program>
{
    public const string SensorKey = "test-sensor-key";

    /// <summary>Who the token-less <see cref="ConnectConsoleAsync(Action{HubConnection}?)"/> signs in as: a duty officer of every sector.</summary>
    public const string DefaultUser = "duty1";
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
        foreach (var (k, v) in TestUsers.Settings)
        {
            _settings[k] = v;
        }

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

    /// <summary>Signs a <see cref="TestUsers"/> user in through POST /api/auth/token and returns the access token.</summary>
    public async Task<string> TokenFor(string user)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = TestUsers.Get(user).Password });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {user} answered {(int)response.StatusCode}: {body}");
        }

        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>An HttpClient that sends a bearer token of this test user.</summary>
    public async Task<HttpClient> ClientFor(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenFor(user));
        return client;
    }

    /// <summary>A real SignalR client over the test server (WebSockets), signed in as <see cref="DefaultUser"/>.</summary>
    public async Task<HubConnection> ConnectConsoleAsync(Action<HubConnection>? beforeStart = null)
        => await ConnectConsoleAsync(await TokenFor(DefaultUser), beforeStart);

    /// <summary>
    /// A real SignalR client over the test server (WebSockets) with this token (null: none) as access_token,
    /// asking for <paramref name="trackFormat"/> (null: the default) as ?trackFormat=.
    /// </summary>
    public async Task<HubConnection> ConnectConsoleAsync(string? token, Action<HubConnection>? beforeStart = null, string? trackFormat = null)
    {
        var server = Server;
        var path = trackFormat is null ? "/hubs/console" : $"/hubs/console?trackFormat={Uri.EscapeDataString(trackFormat)}";
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult(token);
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    // As a browser does: the token rides in the query string of the WebSocket request.
                    var ws = server.CreateWebSocketClient();
                    var uri = token is null ? context.Uri : new Uri($"{context.Uri}&access_token={Uri.EscapeDataString(token)}");
                    return await ws.ConnectAsync(uri, ct);
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
