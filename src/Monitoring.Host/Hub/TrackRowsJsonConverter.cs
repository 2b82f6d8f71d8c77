namespace Monitoring.Host.Hub;

using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Contracts.Reports;

/// <summary>
/// Writes <see cref="TrackRows"/> as
/// <c>{"sectorId","drillId","fields":[...],"rows":[[...],...]}</c> (docs/api.md "Track formats"). A row holds what
/// a console's map draws and labels, in the order of <see cref="Fields"/>; the names are written once per
/// push instead of once per track, and positions are rounded to 1e-7° (about 1 cm) and depths to 1 cm, so
/// a row is about 80 bytes against about 330 for a whole TrackState. New fields are only ever appended,
/// so a reader that maps columns by the header keeps working. Write-only: the server never reads a push.
/// </summary>
public sealed class TrackRowsJsonConverter : JsonConverter<TrackRows>
{
    public static readonly IReadOnlyList<string> Fields =
        ["trackId", "class", "lon", "lat", "observedAtMs", "verdict", "depthM", "count", "incidentId"];

    public override TrackRows Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("trackRows is written by the server only");

    public override void Write(Utf8JsonWriter writer, TrackRows value, JsonSerializerOptions options)
    {
        var batch = value.Batch;
        writer.WriteStartObject();
        writer.WriteString("sectorId", batch.SectorId);
        writer.WriteString("drillId", batch.DrillId);
        writer.WriteStartArray("fields");
        foreach (var field in Fields)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var t in batch.Tracks)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(t.TrackId);
            writer.WriteStringValue(ObjectClassNames.Of(t.Class));
            writer.WriteNumberValue(Math.Round(t.Lon, 7));
            writer.WriteNumberValue(Math.Round(t.Lat, 7));
            writer.WriteNumberValue(t.ObservedAt.ToUnixTimeMilliseconds());
            writer.WriteStringValue(t.Verdict);
            writer.WriteNumberValue(Math.Round(t.DepthM, 2));
            writer.WriteNumberValue(t.Count);
            writer.WriteStringValue(t.IncidentId);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
