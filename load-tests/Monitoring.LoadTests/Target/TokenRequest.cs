namespace Monitoring.LoadTests.Target;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>POST /api/auth/token: the host's answer and, on success, the operator's bearer token.</summary>
public static class TokenRequest
{
    /// <summary>Signs in; Token is null unless the host answered 2xx. Callers decide what a refusal means to them.</summary>
    public static async Task<(HttpStatusCode Status, string? Token, string Body)> SendAsync(HttpClient http, string user, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, body);
        }

        using var document = JsonDocument.Parse(body);
        return (response.StatusCode, document.RootElement.GetProperty("accessToken").GetString(), body);
    }
}
