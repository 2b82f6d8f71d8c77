using System.Text;
using System.Text.Json;
using Monitoring.Geo.Classifying;
using Monitoring.Geo.Layers;
using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;
using NetTopologySuite.Geometries;

namespace Monitoring.Geo.Export;

/// <summary>
/// Writes GET /api/mdl: a FeatureCollection with top-level version, policy and baseLine (the
/// reference line of the sectors, so a loaded file keeps its arc lengths), and one feature per layer
/// (markers and sectors one feature each). Data-set coordinates are written exactly as held (generated
/// ones are already at 1e-7 degree); derived layers are rounded to 1e-7 degree.
/// </summary>
internal static class MdlGeoJsonWriter
{
    public static string Write(ReconciledMdl mdl, MdlLayers layers, UtmProjection projection)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteNumber("version", mdl.Version);
            w.WriteString("policy", WireNames.Of(mdl.Policy));
            w.WritePropertyName("baseLine");
            WriteLine(w, mdl.Data.BaseLine);
            w.WriteStartArray("features");

            StartFeature(w, "map-line");
            w.WriteEndObject();
            w.WritePropertyName("geometry");
            WriteLine(w, mdl.Data.MapLine);
            w.WriteEndObject();

            StartFeature(w, "unc-line");
            w.WriteEndObject();
            w.WritePropertyName("geometry");
            WriteLine(w, mdl.Data.Markers.Select(m => m.Position).ToList());
            w.WriteEndObject();

            WriteDerived(w, "reconciled-line", MultiLine(layers.ReconciledLine), projection);
            WriteDerived(w, "verified-zone", MultiPolygon(layers.VerifiedZone), projection);
            WriteDerived(w, "disputed-band", MultiPolygon(layers.DisputedBand), projection);

            foreach (var marker in mdl.Data.Markers)
            {
                StartFeature(w, "marker");
                w.WriteNumber("number", marker.Number);
                w.WriteString("status", WireNames.Of(marker.Status));
                if (marker.SurveyedAt is { } at)
                {
                    w.WriteString("surveyedAt", at);
                }
                else
                {
                    w.WriteNull("surveyedAt");
                }

                w.WriteEndObject();
                w.WritePropertyName("geometry");
                w.WriteStartObject();
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                WritePosition(w, marker.Position);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            var sectors = mdl.Sectors;
            for (var i = 0; i < sectors.Sectors.Count; i++)
            {
                var sector = sectors.Sectors[i];
                StartFeature(w, "sector");
                w.WriteString("sectorId", sector.SectorId);
                w.WriteNumber("startM", sector.StartM);
                w.WriteNumber("endM", sector.EndM);
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                WriteGeometry(w, MultiPolygon(sectors.SectorArea(i)), projection);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void StartFeature(Utf8JsonWriter w, string layer)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("properties");
        w.WriteString("layer", layer);
    }

    private static void WriteDerived(Utf8JsonWriter w, string layer, Geometry geometry, UtmProjection projection)
    {
        StartFeature(w, layer);
        w.WriteEndObject();
        w.WritePropertyName("geometry");
        WriteGeometry(w, geometry, projection);
        w.WriteEndObject();
    }

    private static MultiLineString MultiLine(Geometry geometry)
        => LayerBuilder.Factory.CreateMultiLineString(GeometryEdges.Lines(geometry).ToArray());

    private static MultiPolygon MultiPolygon(Geometry geometry)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
            {
                polygons.Add(polygon);
            }
        }

        return LayerBuilder.Factory.CreateMultiPolygon(polygons.ToArray());
    }

    private static void WriteLine(Utf8JsonWriter w, IReadOnlyList<LonLat> points)
    {
        w.WriteStartObject();
        w.WriteString("type", "LineString");
        w.WriteStartArray("coordinates");
        foreach (var p in points)
        {
            WritePosition(w, p);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry geometry, UtmProjection projection)
    {
        w.WriteStartObject();
        switch (geometry)
        {
            case MultiLineString lines:
                w.WriteString("type", "MultiLineString");
                w.WriteStartArray("coordinates");
                for (var i = 0; i < lines.NumGeometries; i++)
                {
                    WriteSequence(w, ((LineString)lines.GetGeometryN(i)).CoordinateSequence, projection);
                }

                w.WriteEndArray();
                break;
            case MultiPolygon polygons:
                w.WriteString("type", "MultiPolygon");
                w.WriteStartArray("coordinates");
                for (var i = 0; i < polygons.NumGeometries; i++)
                {
                    var polygon = (Polygon)polygons.GetGeometryN(i);
                    w.WriteStartArray();
                    WriteSequence(w, polygon.ExteriorRing.CoordinateSequence, projection);
                    foreach (var hole in polygon.InteriorRings)
                    {
                        WriteSequence(w, hole.CoordinateSequence, projection);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unexpected geometry {geometry.GeometryType}.");
        }

        w.WriteEndObject();
    }

    private static void WriteSequence(Utf8JsonWriter w, CoordinateSequence sequence, UtmProjection projection)
    {
        w.WriteStartArray();
        for (var i = 0; i < sequence.Count; i++)
        {
            projection.Inverse(sequence.GetX(i), sequence.GetY(i), out var lon, out var lat);
            WritePosition(w, CoordinateRounding.Round(new LonLat(lon, lat)));
        }

        w.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter w, LonLat p)
    {
        w.WriteStartArray();
        w.WriteNumberValue(p.Lon);
        w.WriteNumberValue(p.Lat);
        w.WriteEndArray();
    }
}
