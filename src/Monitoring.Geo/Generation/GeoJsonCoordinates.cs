using System.Text.Json;

namespace Monitoring.Geo.Generation;

/// <summary>Reads GeoJSON positions ([lon, lat, ...]) into LonLat values.</summary>
internal static class GeoJsonCoordinates
{
    public static LonLat ReadPosition(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
        {
            throw new FormatException("A GeoJSON position needs at least [lon, lat].");
        }

        return new LonLat(position[0].GetDouble(), position[1].GetDouble());
    }

    public static List<LonLat> ReadLine(JsonElement coordinates)
    {
        var line = new List<LonLat>(coordinates.GetArrayLength());
        foreach (var position in coordinates.EnumerateArray())
        {
            line.Add(ReadPosition(position));
        }

        return line;
    }
}
