namespace Monitoring.Host.Ingestion;

using System.Text.Json;
using Monitoring.Host.Problems;

/// <summary>
/// Parses a JSON array or NDJSON body of reports with Utf8JsonReader, so a type error is reported
/// against the exact index and field instead of failing the whole body with a generic message.
/// Depth is capped: a report is one flat object, so anything deeper is refused early.
/// </summary>
internal static class ReportBatchParser
{
    private const int MaxDepth = 4;
    private static readonly string[] KnownFields = ["reportId", "sensorId", "observedAt", "lon", "lat", "accuracyM", "class", "count", "trackId"];
    private static readonly string[] KnownClasses = ["person", "vehicle", "animal", "unknown"];
    private static readonly byte[][] KnownFieldsUtf8 = KnownFields.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
    private static readonly byte[][] KnownClassesUtf8 = KnownClasses.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    // Sensor and track ids repeat from report to report; 65,536 slots hold a busy deployment's (about 4 MB).
    private static readonly RepeatedIds Ids = new(1 << 16, ReportValidator.MaxIdLength);

    /// <summary>Utf8JsonReader.GetString throws InvalidOperationException (not JsonException) for these.</summary>
    private const string InvalidText = "malformed JSON: a string or property name is not valid UTF-8 or has an unpaired surrogate escape";

    public static bool TryParse(ReadOnlySpan<byte> body, bool ndjson, int maxReports, List<RawReport> reports, List<FieldError> errors, out bool tooMany)
    {
        tooMany = false;
        return ndjson
            ? TryParseNdjson(body, maxReports, reports, errors, out tooMany)
            : TryParseArray(body, maxReports, reports, errors, out tooMany);
    }

    private static bool TryParseArray(ReadOnlySpan<byte> body, int maxReports, List<RawReport> reports, List<FieldError> errors, out bool tooMany)
    {
        tooMany = false;
        // The reader throws on a body without a token (not Read() == false), which blamed report 0 with its message.
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(new FieldError(null, "body", "the body is empty; send a JSON array of reports"));
            return false;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var index = 0;
        string field = "body";
        try
        {
            if (!reader.Read())
            {
                errors.Add(new FieldError(null, "body", "the body is empty; send a JSON array of reports"));
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new FieldError(null, "body", "expected a JSON array of reports (or application/x-ndjson)"));
                return false;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reports.Count >= maxReports)
                {
                    tooMany = true;
                    errors.Add(new FieldError(index, "body", $"a batch holds at most {maxReports} reports"));
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(new FieldError(index, "report", "each report must be a JSON object"));
                    reader.Skip();
                    index++;
                    continue;
                }

                reports.Add(ReadObject(ref reader, index, errors, ref field));
                field = "body";
                index++;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                errors.Add(new FieldError(index, "body", "the JSON array is not closed"));
                return false;
            }

            if (reader.Read())
            {
                errors.Add(new FieldError(null, "body", "unexpected content after the JSON array"));
                return false;
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new FieldError(index, field, Malformed(ex)));
            return false;
        }
        catch (InvalidOperationException)
        {
            errors.Add(new FieldError(index, field, InvalidText));
            return false;
        }

        return errors.Count == 0;
    }

    private static bool TryParseNdjson(ReadOnlySpan<byte> body, int maxReports, List<RawReport> reports, List<FieldError> errors, out bool tooMany)
    {
        tooMany = false;
        var index = 0;
        while (!body.IsEmpty)
        {
            var newline = body.IndexOf((byte)'\n');
            var line = newline < 0 ? body : body[..newline];
            body = newline < 0 ? default : body[(newline + 1)..];
            if (IsBlank(line))
            {
                continue;
            }

            if (reports.Count >= maxReports)
            {
                tooMany = true;
                errors.Add(new FieldError(index, "body", $"a batch holds at most {maxReports} reports"));
                return false;
            }

            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
            var field = "body";
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(new FieldError(index, "report", "each NDJSON line must be one JSON object"));
                    index++;
                    continue;
                }

                reports.Add(ReadObject(ref reader, index, errors, ref field));
                field = "report"; // Anything after the object is about the line, not its last field.
                if (reader.Read())
                {
                    errors.Add(new FieldError(index, "report", "unexpected content after the object on this line"));
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new FieldError(index, field, Malformed(ex)));
                return false;
            }
            catch (InvalidOperationException)
            {
                errors.Add(new FieldError(index, field, InvalidText));
                return false;
            }

            index++;
        }

        return errors.Count == 0;
    }

    private static RawReport ReadObject(ref Utf8JsonReader reader, int index, List<FieldError> errors, ref string field)
    {
        var report = default(RawReport);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            field = FieldName(ref reader);
            reader.Read();
            switch (field)
            {
                case "reportId": report.ReportId = ReadString(ref reader, index, field, errors); break;
                case "sensorId": report.SensorId = ReadId(ref reader, index, field, errors); break;
                case "observedAt": ReadTime(ref reader, index, field, errors, ref report); break;
                case "class": report.Class = ReadClass(ref reader, index, field, errors); break;
                case "trackId": report.TrackId = ReadId(ref reader, index, field, errors); break;
                case "lon": report.Lon = ReadNumber(ref reader, index, field, errors); break;
                case "lat": report.Lat = ReadNumber(ref reader, index, field, errors); break;
                case "accuracyM": report.AccuracyM = ReadNumber(ref reader, index, field, errors); break;
                case "count":
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var count))
                    {
                        report.Count = count;
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        report.CountNotInteger = true;
                        reader.Skip();
                    }

                    break;
                default:
                    reader.Skip(); // Unknown fields are ignored so sensors can send extras.
                    break;
            }
        }

        return report;
    }

    /// <summary>The known property names as constants: GetString would allocate nine strings per report.</summary>
    private static string FieldName(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KnownFields.Length; i++)
        {
            if (reader.ValueTextEquals(KnownFieldsUtf8[i]))
            {
                return KnownFields[i];
            }
        }

        return reader.GetString() ?? "";
    }

    /// <summary>The four classes as constants (the validator compares them); anything else is read as sent.</summary>
    private static string? ReadClass(ref Utf8JsonReader reader, int index, string field, List<FieldError> errors)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            for (var i = 0; i < KnownClasses.Length; i++)
            {
                if (reader.ValueTextEquals(KnownClassesUtf8[i]))
                {
                    return KnownClasses[i];
                }
            }
        }

        return ReadString(ref reader, index, field, errors);
    }

    private static string? ReadId(ref Utf8JsonReader reader, int index, string field, List<FieldError> errors)
        => reader.TokenType == JsonTokenType.String ? Ids.Read(ref reader) : ReadString(ref reader, index, field, errors);

    private static void ReadTime(ref Utf8JsonReader reader, int index, string field, List<FieldError> errors, ref RawReport report)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            ReadString(ref reader, index, field, errors); // null is "missing"; anything else "must be a string"
        }
        else if (Rfc3339Time.TryRead(ref reader, out var at))
        {
            report.ObservedAt = at;
        }
        else
        {
            report.ObservedAtMalformed = true;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, int index, string field, List<FieldError> errors)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            errors.Add(new FieldError(index, field, "must be a string"));
            reader.Skip();
        }

        return null;
    }

    private static double? ReadNumber(ref Utf8JsonReader reader, int index, string field, List<FieldError> errors)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            // "NaN", "Infinity" and numbers in quotes are all refused, but with a reason that says which.
            var text = reader.GetString();
            errors.Add(new FieldError(index, field, text is "NaN" or "Infinity" or "-Infinity" or "+Infinity"
                ? "must be a finite number (NaN and Infinity are not allowed)"
                : "must be a JSON number, not a string"));
            return null;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            errors.Add(new FieldError(index, field, "must be a number"));
            reader.Skip();
        }

        return null;
    }

    private static string Malformed(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            return $"the JSON is nested too deeply (a report is a flat object; at most {MaxDepth} levels)";
        }

        var dot = message.IndexOf(". LineNumber", StringComparison.Ordinal);
        return "malformed JSON: " + (dot > 0 ? message[..dot] : message);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
