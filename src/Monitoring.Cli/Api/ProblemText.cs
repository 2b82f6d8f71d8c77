using System.Text.Json;

namespace Monitoring.Cli.Api;

/// <summary>
/// Turns a problem+json body into lines a person reads: one "field: reason" per error (with "[i]." for a
/// report of a batch), else the detail or title; a body that is not problem+json is shown as the status.
/// </summary>
public static class ProblemText
{
    public static IReadOnlyList<string> Describe(int status, string? body)
    {
        var lines = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    lines.AddRange(errors.EnumerateArray().Select(Line));
                }

                if (lines.Count == 0 && (Text(root, "detail") ?? Text(root, "title")) is { } text)
                {
                    lines.Add(text);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status line below still says what happened.
        }

        if (lines.Count == 0)
        {
            lines.Add($"HTTP {status}");
        }

        return lines;
    }

    private static string Line(JsonElement error)
    {
        var field = Text(error, "field") ?? "?";
        var reason = Text(error, "reason") ?? "";
        var prefix = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number
            ? $"[{i.GetInt32()}]."
            : "";
        return $"{prefix}{field}: {reason}";
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
