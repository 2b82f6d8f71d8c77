namespace Monitoring.Simulation.Feeding;

using System.Net.Http.Headers;
using Monitoring.Simulation.Reports;

/// <summary>Feeds a running host over HTTP with a sensor key, as real sensors do.</summary>
public sealed class HttpFeedSink(HttpClient http, string sensorKey) : IFeedSink
{
    public async Task SendReportsAsync(IReadOnlyList<SimulatedReport> reports, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(ReportJson.ToJsonArray(reports));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = content };
        request.Headers.Add("X-Api-Key", sensorKey);
        await SendAsync(request, cancellationToken);
    }

    public async Task SendHeartbeatAsync(string sensorId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sensors/{Uri.EscapeDataString(sensorId)}/heartbeat");
        request.Headers.Add("X-Api-Key", sensorKey);
        await SendAsync(request, cancellationToken);
    }

    private async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
        }
    }
}
