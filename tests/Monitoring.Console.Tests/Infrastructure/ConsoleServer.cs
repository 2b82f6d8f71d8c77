namespace Monitoring.Console.Tests.Infrastructure;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;

/// <summary>
/// The real host (co-hosted silo, SQLite storage, identity) on a real Kestrel port, so a real browser
/// can reach it. Own data directory and free silo/gateway ports; a fixed token-signing key and test
/// users, so tokens survive a restart. Dispose and start another on the same data directory and port
/// to restart it.
/// </summary>
public sealed class ConsoleServer : WebApplicationFactory<Program>
{
    public const string SensorKey = "console-test-sensor-key";
    public const string SigningKey = "console-tests-signing-key-0123456789abcdef";
    private readonly Dictionary<string, string?> _settings;
    private readonly int _port;

    private ConsoleServer(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        _port = port;
        _settings = new Dictionary<string, string?>
        {
            ["Monitoring:DataDirectory"] = dataDirectory,
            ["Monitoring:SiloPort"] = FreePort().ToString(),
            ["Monitoring:GatewayPort"] = FreePort().ToString(),
            ["Monitoring:Security:SensorKeys:0"] = SensorKey,
            ["Monitoring:Security:SigningKey"] = SigningKey,
            ["Monitoring:Simulation:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
        };
        foreach (var (user, i) in TestUsers.All.Select((u, i) => (u, i)))
        {
            _settings[$"Monitoring:Security:Users:{i}:Name"] = user.Name;
            _settings[$"Monitoring:Security:Users:{i}:Password"] = TestUsers.Hash(user.Password);
            for (var r = 0; r < user.Roles.Length; r++)
            {
                _settings[$"Monitoring:Security:Users:{i}:Roles:{r}"] = user.Roles[r];
            }

            for (var s = 0; s < user.Sectors.Length; s++)
            {
                _settings[$"Monitoring:Security:Users:{i}:Sectors:{s}"] = user.Sectors[s];
            }
        }
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    /// <summary>Starts a host on Kestrel and waits for /health/ready.</summary>
    public static async Task<ConsoleServer> StartAsync(string? dataDirectory = null, int port = 0)
    {
        var server = new ConsoleServer(dataDirectory ?? NewDataDirectory(), port);
        server.UseKestrel(port);
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = new Uri(addresses.Addresses.First());
        server.BaseAddress = new Uri($"http://127.0.0.1:{address.Port}");
        await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    public static string NewDataDirectory()
        => Path.Combine(Path.GetTempPath(), "monitoring-console-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
    }

    public ReconciledMdl Mdl => Services.GetRequiredService<MdlSnapshots>().Require();

    /// <summary>An HttpClient to the real address (not the in-memory test server).</summary>
    public HttpClient Http(string? bearer = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return http;
    }

    public async Task<string> TokenAsync(TestUser user)
    {
        using var http = Http();
        var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user.Name, password = user.Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Posts reports as a sensor would; answers the status code.</summary>
    public async Task<HttpStatusCode> PostReportsAsync(HttpClient http, params JsonNode[] reports)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
        {
            Content = new StringContent(new JsonArray(reports.Select(r => r.DeepClone()).ToArray()).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", SensorKey);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = Http();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("/health/ready did not answer 200");
            }

            await Task.Delay(100);
        }
    }

    public static int FreePort() => Monitoring.Host.Configuration.FreePort.Next();

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
