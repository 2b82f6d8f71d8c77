namespace Monitoring.LoadTests.Operators;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Monitoring.Contracts.Hub;
using Monitoring.LoadTests.Scenarios;
using Monitoring.LoadTests.Target;
using Microsoft.AspNetCore.SignalR.Client;

/// <summary>
/// One operator's console: signed in with the user's own token, subscribed (hub) to every sector the user is
/// assigned, so it receives the `incident` pushes, and acknowledging steps over HTTP
/// (POST /api/incidents/{id}/steps/{stepId}/ack) from its own queue, on its own connections, so acks never
/// hold up the report schedule.
/// </summary>
public sealed class OperatorConsole : IAsyncDisposable
{
    private const int Workers = 4;
    private readonly HttpClient _http;
    private readonly HubConnection _hub;
    private readonly Channel<AckJob> _queue = Channel.CreateBounded<AckJob>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private Task _working = Task.CompletedTask;

    private OperatorConsole(HttpClient http, HubConnection hub, OperatorAccount account)
    {
        _http = http;
        _hub = hub;
        Account = account;
    }

    public OperatorAccount Account { get; }

    public static async Task<OperatorConsole> StartAsync(Uri baseAddress, string user, string password, Action<JsonElement> onIncident, CancellationToken cancellationToken)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        HubConnection? hub = null;
        try
        {
            var (status, signedIn, _) = await TokenRequest.SendAsync(http, user, password, cancellationToken);
            if (signedIn is not { } token)
            {
                throw new InvalidOperationException(
                    $"operator {user} could not sign in (POST /api/auth/token answered {(int)status}); the default operators are the Development demo users, give --operator-users USER:PASSWORD,... for another host");
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            hub = ConsoleConnection.Build(baseAddress, token, TrackFormats.Compact); // as the operator console asks
            hub.On("incident", onIncident);
            ConsoleConnection.IgnoreOtherPushes(hub, "incident");
            await hub.StartAsync(cancellationToken);
            await hub.InvokeAsync<JsonElement>("Subscribe", new[] { "*" }, cancellationToken); // every sector the user is assigned
            return new OperatorConsole(http, hub, OperatorAccount.FromToken(user, token));
        }
        catch
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }

            http.Dispose();
            throw;
        }
    }

    /// <summary>Starts the ack workers; each job's outcome goes to <paramref name="done"/>.</summary>
    public void Run(Action<AckJob, HttpStatusCode?, JsonElement?, string?> done)
        => _working = Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var job in _queue.Reader.ReadAllAsync())
            {
                var (status, view, problem) = await AckAsync(job);
                done(job, status, view, problem);
            }
        })));

    /// <summary>Queues an ack; false when the queue is full (the desk's next sweep asks again).</summary>
    public bool TryQueue(AckJob job) => _queue.Writer.TryWrite(job);

    /// <summary>GET /api/incidents?status=open: the open incidents of the sectors this user covers.</summary>
    public async Task<IReadOnlyList<JsonElement>> OpenIncidentsAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/incidents?status=open", cancellationToken));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>Stops taking jobs and waits (bounded) for the acks in flight.</summary>
    public async Task StopAsync(TimeSpan wait)
    {
        _queue.Writer.TryComplete();
        await _working.WaitAsync(wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _hub.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>The status and view (200), or the status and a short problem text, or no status and the exception.</summary>
    /// <summary>The problem's detail (problem+json), else the start of the body.</summary>
    private static string Detail(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return body[..Math.Min(body.Length, 160)];
    }

    private async Task<(HttpStatusCode? Status, JsonElement? View, string? Problem)> AckAsync(AckJob job)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync(
                $"/api/incidents/{Uri.EscapeDataString(job.IncidentId)}/steps/{Uri.EscapeDataString(job.StepId)}/ack",
                // No note: with a note, resolve would close by hand even when the track is not back (a manual close).
                new { note = (string?)null });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, null, $"{(int)response.StatusCode} {job.StepId}: {Detail(body)}");
            }

            using var document = JsonDocument.Parse(body);
            return (response.StatusCode, document.RootElement.Clone(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, null, $"{job.StepId}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
