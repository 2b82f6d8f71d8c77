namespace Monitoring.Host.Tests.Infrastructure;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>Builds report JSON for tests, exactly as a sensor would send it.</summary>
public static class Reports
{
    public static JsonObject Report(
        string reportId,
        string sensorId,
        double lon,
        double lat,
        DateTimeOffset observedAt,
        string @class = "person",
        double? accuracyM = null,
        string? trackId = null,
        int? count = null)
    {
        var o = new JsonObject
        {
            ["reportId"] = reportId,
            ["sensorId"] = sensorId,
            ["observedAt"] = observedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["lon"] = lon,
            ["lat"] = lat,
            ["class"] = @class,
        };
        if (accuracyM is { } a)
        {
            o["accuracyM"] = a;
        }

        if (trackId is not null)
        {
            o["trackId"] = trackId;
        }

        if (count is { } c)
        {
            o["count"] = c;
        }

        return o;
    }

    public static StringContent Batch(params JsonNode[] reports)
        => new(new JsonArray(reports.Select(r => r.DeepClone()).ToArray()).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
