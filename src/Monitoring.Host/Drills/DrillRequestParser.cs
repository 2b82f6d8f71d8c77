namespace Monitoring.Host.Drills;

using System.Globalization;
using System.Text.Json;
using Monitoring.Host.Problems;
using Monitoring.Host.Recording;

/// <summary>
/// Reads POST /api/drills {"recording","speed": 0.1..1000|"max","from"?,"to"?,"sectors"?,"loop"?} into
/// <see cref="DrillSettings"/>, or the field errors (each naming its field) for a 400.
/// </summary>
public static class DrillRequestParser
{
    public const double MinSpeed = 0.1;
    public const double MaxSpeed = 1000;

    public static DrillSettings? Parse(JsonElement body, RecordingCatalog catalog, IReadOnlyCollection<string> knownSectors, string startedBy, List<FieldError> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(null, "body", "send a JSON object"));
            return null;
        }

        string? recording = null;
        string? directory = null;
        if (!body.TryGetProperty("recording", out var r) || r.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(r.GetString()))
        {
            errors.Add(new FieldError(null, "recording", "required: the name of a recording (GET /api/recordings)"));
        }
        else
        {
            recording = r.GetString()!;
            directory = catalog.DirectoryOf(recording);
            if (directory is null)
            {
                errors.Add(new FieldError(null, "recording", $"unknown recording {CallerValue.Quote(recording)}"));
            }
        }

        var speed = ParseSpeed(body, errors, out var speedOk);
        var from = ParseTime(body, "from", errors);
        var to = ParseTime(body, "to", errors);
        var sectors = ParseSectors(body, knownSectors, errors);
        var loop = ParseFlag(body, "loop", errors);
        var paused = ParseFlag(body, "paused", errors);

        if (errors.Count > 0 || directory is null || !speedOk)
        {
            return null;
        }

        var summary = catalog.List().FirstOrDefault(s => s.Name == recording);
        if (summary?.From is not { } first || summary.To is not { } last)
        {
            errors.Add(new FieldError(null, "recording", $"recording {CallerValue.Quote(recording)} holds no reports"));
            return null;
        }

        // A range that holds none of the recording replays nothing: refused, rather than a drill that runs empty
        // (and, looped at max, spins through the recording forever without one report).
        if (from > last)
        {
            errors.Add(new FieldError(null, "from", $"is after the recording's last report ({last:O})"));
            return null;
        }

        if (to < first)
        {
            errors.Add(new FieldError(null, "to", $"is before the recording's first report ({first:O})"));
            return null;
        }

        var start = from ?? first;
        var end = to ?? last;
        if (end < start)
        {
            errors.Add(new FieldError(null, "to", "must not be before from"));
            return null;
        }

        return new DrillSettings
        {
            Recording = recording!,
            RecordingDirectory = directory,
            Speed = speed,
            From = start,
            To = end,
            Sectors = sectors,
            Loop = loop,
            StartPaused = paused,
            StartedBy = startedBy,
        };
    }

    private static double? ParseSpeed(JsonElement body, List<FieldError> errors, out bool ok)
    {
        ok = false;
        if (!body.TryGetProperty("speed", out var s))
        {
            ok = true;
            return 1; // real time, as recorded
        }

        if (s.ValueKind == JsonValueKind.String && s.GetString() == "max")
        {
            ok = true;
            return null;
        }

        if (s.ValueKind == JsonValueKind.Number && s.TryGetDouble(out var v) && v >= MinSpeed && v <= MaxSpeed)
        {
            ok = true;
            return v;
        }

        errors.Add(new FieldError(null, "speed", string.Create(CultureInfo.InvariantCulture, $"must be a number from {MinSpeed} to {MaxSpeed}, or \"max\"")));
        return null;
    }

    private static bool ParseFlag(JsonElement body, string field, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var f) || f.ValueKind is JsonValueKind.Null or JsonValueKind.False)
        {
            return false;
        }

        if (f.ValueKind != JsonValueKind.True)
        {
            errors.Add(new FieldError(null, field, "must be true or false"));
        }

        return f.ValueKind == JsonValueKind.True;
    }

    private static DateTimeOffset? ParseTime(JsonElement body, string field, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var t) || t.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (t.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.ToUniversalTime();
        }

        errors.Add(new FieldError(null, field, "must be an ISO 8601 time"));
        return null;
    }

    private static string[]? ParseSectors(JsonElement body, IReadOnlyCollection<string> known, List<FieldError> errors)
    {
        if (!body.TryGetProperty("sectors", out var s) || s.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.Add(new FieldError(null, "sectors", "must be an array of sector ids"));
            return null;
        }

        var ids = s.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            // An empty list filters out every report: a drill with nothing to replay. Leave it out for all sectors.
            errors.Add(new FieldError(null, "sectors", "must name at least one sector (leave it out for every sector)"));
            return null;
        }

        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            errors.Add(new FieldError(null, "sectors", $"unknown sector {CallerValue.Quote(unknown)}"));
            return null;
        }

        return ids;
    }
}
