using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Sectors;

namespace Monitoring.Host.Storage;

/// <summary>
/// The stored form of alerts and tracks: camelCase JSON, the same shape api.md gives clients.
/// Plain JSON keeps the log readable from sqlite3/redis-cli and independent of Orleans' type ids.
/// </summary>
internal static class SectorLogJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(Alert alert) => JsonSerializer.Serialize(alert, Options);

    public static string Write(TrackState track) => JsonSerializer.Serialize(track, Options);

    public static Alert ReadAlert(string json)
        => JsonSerializer.Deserialize<Alert>(json, Options) ?? throw new JsonException("A stored alert is null.");

    public static TrackState ReadTrack(string json)
        => JsonSerializer.Deserialize<TrackState>(json, Options) ?? throw new JsonException("A stored track is null.");
}
