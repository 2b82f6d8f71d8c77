using System.Text.Json;
using Monitoring.Geo.Generation;
using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;

namespace Monitoring.Geo.Export;

/// <summary>
/// Reads a data set in the shape MdlGeoJsonWriter writes. Markers come from the marker features
/// (or, failing those, the unc-line's vertices, all lost); the map line from map-line; sectors from the
/// sector features' sectorId/startM/endM (or planned afresh when absent); the base line from the top-level
/// baseLine member (or, failing that, the unc-line).
/// </summary>
internal static class MdlGeoJsonReader
{
    public static MdlDataSet Read(string json, MdlParameters parameters)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        List<LonLat>? mapLine = null;
        List<LonLat>? uncLine = null;
        var markers = new List<Marker>();
        var sectors = new List<SectorDefinition>();

        foreach (var feature in root.GetProperty("features").EnumerateArray())
        {
            if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
                || !properties.TryGetProperty("layer", out var layer))
            {
                continue;
            }

            var geometry = feature.GetProperty("geometry");
            switch (layer.GetString())
            {
                case "map-line":
                    mapLine = GeoJsonCoordinates.ReadLine(geometry.GetProperty("coordinates"));
                    break;
                case "unc-line":
                    uncLine = GeoJsonCoordinates.ReadLine(geometry.GetProperty("coordinates"));
                    break;
                case "marker":
                    markers.Add(ReadMarker(properties, geometry));
                    break;
                case "sector":
                    if (properties.TryGetProperty("startM", out var start) && properties.TryGetProperty("endM", out var end))
                    {
                        var id = properties.GetProperty("sectorId").GetString() ?? throw new FormatException("A sector has no sectorId.");
                        sectors.Add(new SectorDefinition(id, 0, start.GetDouble(), end.GetDouble()));
                    }

                    break;
            }
        }

        if (markers.Count == 0)
        {
            markers = (uncLine ?? throw new FormatException("The MDL GeoJSON has neither markers nor a unc-line."))
                .Select((p, i) => new Marker(i + 1, p, MarkerStatus.Lost, null))
                .ToList();
        }

        markers.Sort((a, b) => a.Number.CompareTo(b.Number));
        for (var i = 0; i < markers.Count; i++)
        {
            if (markers[i].Number != i + 1)
            {
                throw new FormatException($"Markers must be numbered 1..{markers.Count} without gaps.");
            }
        }

        var baseLine = root.TryGetProperty("baseLine", out var baseElement)
            ? GeoJsonCoordinates.ReadLine(baseElement.GetProperty("coordinates"))
            : markers.Select(m => m.Position).ToList();
        if (mapLine is null)
        {
            throw new FormatException("The MDL GeoJSON has no map-line.");
        }

        if (sectors.Count == 0)
        {
            var length = Polyline.FromLonLat(baseLine, UtmProjection.Zone52N).Length;
            sectors = SectorPlanner.Plan(length, parameters.SectorLengthM);
        }
        else
        {
            sectors = sectors.OrderBy(s => s.StartM).Select((s, i) => s with { Index = i }).ToList();
        }

        return new MdlDataSet(baseLine, mapLine, markers, sectors, parameters with { MarkerCount = markers.Count });
    }

    private static Marker ReadMarker(JsonElement properties, JsonElement geometry)
    {
        var number = properties.GetProperty("number").GetInt32();
        if (!WireNames.TryParse(properties.GetProperty("status").GetString(), out MarkerStatus status))
        {
            throw new FormatException($"Marker {number} has an unknown status.");
        }

        DateTimeOffset? surveyedAt = properties.TryGetProperty("surveyedAt", out var at) && at.ValueKind == JsonValueKind.String
            ? at.GetDateTimeOffset()
            : null;
        return new Marker(number, GeoJsonCoordinates.ReadPosition(geometry.GetProperty("coordinates")), status, surveyedAt);
    }
}
