namespace Monitoring.Console.Tests.Infrastructure;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>Report JSON exactly as a sensor sends it.</summary>
public static class Reports
{
    public static JsonObject Report(string reportId, string sensorId, double lon, double lat, DateTimeOffset observedAt, string @class = "person", string? trackId = null, double? accuracyM = null)
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
        if (trackId is not null)
        {
            o["trackId"] = trackId;
        }

        if (accuracyM is { } a)
        {
            o["accuracyM"] = a;
        }

        return o;
    }
}
