namespace Monitoring.Simulation.Feeding;

using System.Net;
using System.Net.Http.Headers;
using Monitoring.Simulation.Reports;

/// <summary>
/// Feeds a running host over HTTP with a sensor key, as real sensors do. A 429 or 503 with Retry-After (rate
/// limit, storage busy) applied nothing, so the same request is sent again after the wait, a few times.
/// </summary>
public sealed class HttpFeedSink(HttpClient http, string sensorKey) : IFeedSink
{
    private const int Attempts = 5;

    public async Task SendReportsAsync(IReadOnlyList<SimulatedReport> reports, CancellationToken cancellationToken)
    {
        var body = ReportJson.ToJsonArray(reports);
        await SendAsync(() =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = content };
        }, cancellationToken);
    }

    public async Task SendHeartbeatAsync(string sensorId, CancellationToken cancellationToken)
        => await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"/api/sensors/{Uri.EscapeDataString(sensorId)}/heartbeat"), cancellationToken);

    private async Task SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            request.Headers.Add("X-Api-Key", sensorKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (attempt < Attempts
                && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                && response.Headers.RetryAfter?.Delta is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
        }
    }
}
