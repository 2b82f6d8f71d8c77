namespace Monitoring.LoadTests.Target;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Geo;
using Monitoring.Simulation.Feeding;

/// <summary>The control side of a target host: sign-in, the sensor catalogue, the MDL, runtime diagnostics, recordings and drills.</summary>
public sealed class TargetClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _sensorKey;
    private bool _diagnosticsMissing;

    public TargetClient(Uri baseAddress, string sensorKey)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _sensorKey = sensorKey;
    }

    public string? AccessToken { get; private set; }

    public async Task SignInAsync(string user, string password, CancellationToken cancellationToken)
    {
        var (status, token, body) = await TokenRequest.SendAsync(_http, user, password, cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            return; // A host without operator identity: reads are open.
        }

        AccessToken = token ?? throw new InvalidOperationException($"POST /api/auth/token as {user} answered {(int)status}: {body}");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
    }

    public async Task<IReadOnlyList<TargetSensor>> SensorsAsync(CancellationToken cancellationToken)
    {
        var json = await _http.GetStringAsync("/api/sensors", cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(s => new TargetSensor(
                s.GetProperty("id").GetString()!,
                s.GetProperty("kind").GetString()!,
                s.GetProperty("sectorId").GetString()!,
                s.GetProperty("lon").GetDouble(),
                s.GetProperty("lat").GetDouble()))
            .ToArray();
    }

    /// <summary>The MDL the target decides against, rebuilt here so generated positions have known verdicts.</summary>
    public Task<ReconciledMdl> MdlAsync(CancellationToken cancellationToken) => RemoteMdl.FetchAsync(_http, cancellationToken);

    /// <summary>GET /api/diagnostics/runtime with the sensor key; null (and not asked again) when the host has none.</summary>
    public async Task<RuntimeSample?> RuntimeAsync(CancellationToken cancellationToken)
    {
        if (_diagnosticsMissing)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/diagnostics/runtime");
        request.Headers.Add("X-Api-Key", _sensorKey);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
            {
                _diagnosticsMissing = true;
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            return new RuntimeSample(
                Read(root, "rssMb"),
                Read(root, "gcHeapMb"),
                (int?)Read(root, "gen0"),
                (int?)Read(root, "gen1"),
                (int?)Read(root, "gen2"),
                Read(root, "cpuS"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The recording whose last batch is newest (the one the host is writing), or null when it has none.</summary>
    public async Task<string?> NewestRecordingAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/recordings", cancellationToken));
        return document.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("reportCount").GetInt64() > 0)
            .OrderBy(r => r.GetProperty("to").GetDateTimeOffset())
            .Select(r => r.GetProperty("name").GetString())
            .LastOrDefault();
    }

    /// <summary>POST /api/drills at "max": answers the drill id.</summary>
    public async Task<string> StartDrillAsync(string recording, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/drills", new { recording, speed = "max" }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/drills answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("drillId").GetString()!;
    }

    public async Task<DrillProgress> DrillAsync(string drillId, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync($"/api/drills/{drillId}", cancellationToken));
        var root = document.RootElement;
        var incidents = root.TryGetProperty("afterAction", out var afterAction) && afterAction.ValueKind == JsonValueKind.Object
            ? afterAction.GetProperty("incidents").GetArrayLength()
            : (int?)null;
        return new DrillProgress(
            root.GetProperty("state").GetString()!,
            root.GetProperty("progress").GetDouble(),
            root.GetProperty("reports").GetInt64(),
            root.GetProperty("alerts").GetInt64(),
            root.GetProperty("replaySeconds").GetDouble(),
            incidents,
            root.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    public void Dispose() => _http.Dispose();

    private static double? Read(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
