namespace Monitoring.Simulation.Reports;

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

/// <summary>The wire form of simulated reports: a JSON array as POST /api/reports takes it.</summary>
public static class ReportJson
{
    public static byte[] ToJsonArray(IEnumerable<SimulatedReport> reports)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var r in reports)
            {
                Write(json, r);
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>SHA-256 of the wire form: equal hashes mean identical report sequences.</summary>
    public static string Hash(IEnumerable<SimulatedReport> reports)
        => Convert.ToHexStringLower(SHA256.HashData(ToJsonArray(reports)));

    public static void Write(Utf8JsonWriter json, SimulatedReport r)
    {
        json.WriteStartObject();
        json.WriteString("reportId", r.ReportId);
        json.WriteString("sensorId", r.SensorId);
        json.WriteString("observedAt", r.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("lon", Math.Round(r.Lon, 7));
        json.WriteNumber("lat", Math.Round(r.Lat, 7));
        if (r.AccuracyM is { } a)
        {
            json.WriteNumber("accuracyM", a);
        }

        json.WriteString("class", r.Class);
        if (r.Count is { } c)
        {
            json.WriteNumber("count", c);
        }

        if (r.TrackId is { } t)
        {
            json.WriteString("trackId", t);
        }

        json.WriteEndObject();
    }
}
