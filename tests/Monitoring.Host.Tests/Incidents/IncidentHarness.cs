namespace Monitoring.Host.Tests.Incidents;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Geo;
using Monitoring.Grains.Incidents;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// The real host on a fake clock for deadlines (virtual time); people sign in with the test users'
/// tokens (<see cref="TestUsers"/>: op-west, op-duty, duty-west cover S01–S10; duty1, duty2 every sector).
/// Reports keep real observedAt values (ingestion checks them against the server clock); protocol time
/// moves only when a test calls <see cref="Advance"/>.
/// </summary>
public sealed class IncidentHarness : IAsyncDisposable
{
    private readonly List<HubConnection> _consoles = [];
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private HttpClient _sensors = null!;

    private IncidentHarness(FakeTimeProvider clock, string? dataDirectory, Action<IServiceCollection>? services)
    {
        Clock = clock;
        App = new MonitoringApp(dataDirectory, services: s =>
        {
            s.AddSingleton<IClockSource>(new LiveClockSource(clock));
            services?.Invoke(s);
        });
    }

    public FakeTimeProvider Clock { get; }

    public MonitoringApp App { get; }

    public ReconciledMdl Mdl => App.Services.GetRequiredService<MdlSnapshots>().Require();

    /// <summary>Starts a host; pass a clock and data directory to "restart" on the same ones, and services to add some.</summary>
    public static async Task<IncidentHarness> StartAsync(FakeTimeProvider? clock = null, string? dataDirectory = null, Action<IServiceCollection>? services = null)
    {
        var harness = new IncidentHarness(clock ?? new FakeTimeProvider(DateTimeOffset.UtcNow), dataDirectory, services);
        (await harness.App.StartAsync()).Dispose();
        harness._sensors = harness.App.SensorClient();
        return harness;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>A place at depthM south of the reconciled line (negative: north), near arc length s.</summary>
    public (LonLat Point, string SectorId, string SensorId) PlaceAt(double arcLengthM, double depthM)
    {
        var p = Positions.AtDepth(Mdl, arcLengthM, depthM) ?? throw new InvalidOperationException($"no point at depth {depthM} near s={arcLengthM}");
        var sector = Positions.SectorOf(Mdl, p);
        return (p, sector, $"rdr-{sector[1..]}");
    }

    public async Task ReportAsync(string reportId, string sensorId, LonLat p, DateTimeOffset observedAt, string trackId, string @class = "person", double? accuracyM = null)
    {
        var response = await _sensors.PostAsync("/api/reports", Reports.Batch(
            Reports.Report(reportId, sensorId, p.Lon, p.Lat, observedAt, @class, accuracyM, trackId)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>An HttpClient with a bearer token of that test user (signed in once per harness).</summary>
    public async Task<HttpClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
        {
            _clients[user] = client = await App.ClientFor(user);
        }

        return client;
    }

    public async Task<IncidentView[]> ListAsync(string query)
        => (await (await As("duty1")).GetFromJsonAsync<IncidentView[]>($"/api/incidents{query}"))!;

    public async Task<IncidentView> GetAsync(string incidentId)
        => (await (await As("duty1")).GetFromJsonAsync<IncidentView>($"/api/incidents/{incidentId}"))!;

    public async Task<HttpResponseMessage> AckAsync(string user, string incidentId, string stepId, string? note = null)
        => await (await As(user)).PostAsJsonAsync($"/api/incidents/{incidentId}/steps/{stepId}/ack", new { note });

    public async Task<Alert[]> AlertsAsync(string sectorId)
        => (await (await As("duty1")).GetFromJsonAsync<Alert[]>($"/api/alerts?sector={sectorId}"))!;

    /// <summary>Waits (real time) for the incident of a track to open, and returns it.</summary>
    public Task<IncidentView> IncidentOfAsync(string sectorId, string trackId)
        => UntilAsync(async () => (await ListAsync($"?sector={sectorId}")).SingleOrDefault(i => i.TrackId == trackId));

    /// <summary>Waits (real time) until the incident satisfies the condition; fails with its last view.</summary>
    public async Task<IncidentView> WaitAsync(string incidentId, Func<IncidentView, bool> condition)
    {
        IncidentView? last = null;
        return await UntilAsync(async () =>
        {
            last = await GetAsync(incidentId);
            return condition(last) ? last : null;
        }, () => $"last view: {System.Text.Json.JsonSerializer.Serialize(last)}");
    }

    public static IncidentStepView Step(IncidentView view, string stepId) => view.Steps.Single(s => s.StepId == stepId);

    /// <summary>A real SignalR console signed in as the user (token in access_token).</summary>
    public async Task<HubConnection> ConsoleAsync(string user)
    {
        var connection = await App.ConnectConsoleAsync(await App.TokenFor(user));
        _consoles.Add(connection);
        return connection;
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<string>? describe = null, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met in time; {describe?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var console in _consoles)
        {
            await console.DisposeAsync();
        }

        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
