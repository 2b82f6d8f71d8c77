using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitoring.Cli.Api;

/// <summary>
/// The few host endpoints the drill and replay commands use, signed in with a bearer token. A refusal
/// becomes an <see cref="ApiException"/> carrying the problem's "field: reason" lines; an unreachable host
/// stays an <see cref="HttpRequestException"/> (the commands tell the two apart in their exit codes).
/// </summary>
public sealed class MonitoringApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public MonitoringApiClient(Uri target)
    {
        _http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task SignInAsync(string user, string password, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["username"] = user, ["password"] = password };
        var answer = await SendAsync<JsonElement>(HttpMethod.Post, "/api/auth/token", body, cancellationToken).ConfigureAwait(false);
        var token = answer.TryGetProperty("accessToken", out var t) ? t.GetString() : null;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? throw new ApiException(0, "the token endpoint answered no accessToken"));
    }

    public Task<IReadOnlyList<RecordingView>> ListRecordingsAsync(CancellationToken cancellationToken)
        => SendAsync<IReadOnlyList<RecordingView>>(HttpMethod.Get, "/api/recordings", null, cancellationToken);

    public async Task<string> StartDrillAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<JsonElement>(HttpMethod.Post, "/api/drills", request, cancellationToken).ConfigureAwait(false);
        return answer.TryGetProperty("drillId", out var id) && id.GetString() is { } drillId
            ? drillId
            : throw new ApiException(0, "the server answered no drillId");
    }

    public Task<DrillView> GetDrillAsync(string id, CancellationToken cancellationToken)
        => SendAsync<DrillView>(HttpMethod.Get, $"/api/drills/{Uri.EscapeDataString(id)}", null, cancellationToken);

    /// <summary>POST /api/drills/{id}/pause|resume|stop.</summary>
    public Task<DrillView> ControlAsync(string id, string action, CancellationToken cancellationToken)
        => SendAsync<DrillView>(HttpMethod.Post, $"/api/drills/{Uri.EscapeDataString(id)}/{action}", null, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ApiException((int)response.StatusCode, string.Join(Environment.NewLine, ProblemText.Describe((int)response.StatusCode, text)));
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException((int)response.StatusCode, $"{path} answered an empty body");
    }
}
