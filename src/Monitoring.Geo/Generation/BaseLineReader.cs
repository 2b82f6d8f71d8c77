using System.Reflection;
using System.Text.Json;

namespace Monitoring.Geo.Generation;

/// <summary>Reads the base line: the first LineString in a GeoJSON text (bare geometry, Feature or FeatureCollection).</summary>
internal static class BaseLineReader
{
    private const string ResourceName = "Monitoring.Geo.Data.korea-mdl-naturalearth-10m.geojson";

    public static string EmbeddedGeoJson()
    {
        using var stream = typeof(BaseLineReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<LonLat> Read(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        return FindLineString(document.RootElement)
            ?? throw new FormatException("The base line GeoJSON holds no LineString.");
    }

    private static List<LonLat>? FindLineString(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type))
        {
            return null;
        }

        switch (type.GetString())
        {
            case "LineString":
                return GeoJsonCoordinates.ReadLine(element.GetProperty("coordinates"));
            case "Feature":
                return element.TryGetProperty("geometry", out var geometry) ? FindLineString(geometry) : null;
            case "FeatureCollection":
                foreach (var feature in element.GetProperty("features").EnumerateArray())
                {
                    var line = FindLineString(feature);
                    if (line is not null)
                    {
                        return line;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
