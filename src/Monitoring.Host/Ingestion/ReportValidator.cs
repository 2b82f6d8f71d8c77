namespace Monitoring.Host.Ingestion;

using Monitoring.Contracts.Reports;
using Monitoring.Geo;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Problems;

/// <summary>
/// Applies api.md's field table to every report of a batch and routes each valid one to its sector.
/// It collects every error of the batch (not just the first) so a sensor can fix them in one go.
/// </summary>
internal sealed class ReportValidator(SensorCatalog sensors, IngestionOptions options)
{
    public const int MaxIdLength = 128;

    public void Validate(
        List<RawReport> raw,
        SectorMap sectorMap,
        DateTimeOffset now,
        List<(int SectorIndex, SensorReport Report)> valid,
        List<FieldError> errors)
    {
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            var before = errors.Count;

            CheckId(r.ReportId, "reportId", i, errors);
            Sensor? sensor = null;
            if (string.IsNullOrEmpty(r.SensorId))
            {
                errors.Add(new FieldError(i, "sensorId", "is required"));
            }
            else if (!sensors.TryGet(r.SensorId, out var found))
            {
                errors.Add(new FieldError(i, "sensorId", $"{CallerValue.Quote(r.SensorId)} is not in the sensor catalogue (GET /api/sensors)"));
            }
            else
            {
                sensor = found;
            }

            var observedAt = CheckObservedAt(r, i, now, errors);
            var lonOk = CheckCoordinate(r.Lon, "lon", -180, 180, i, errors);
            var latOk = CheckCoordinate(r.Lat, "lat", -90, 90, i, errors);
            var sectorIndex = -1;
            if (lonOk && latOk && !sectorMap.TryLocate(r.Lon!.Value, r.Lat!.Value, out sectorIndex))
            {
                errors.Add(new FieldError(i, "lon", "the position is outside the monitored area (2 km north to 5 km south of the line)"));
            }

            if (r.AccuracyM is { } a && !(a > 0 && a <= 1000))
            {
                errors.Add(new FieldError(i, "accuracyM", "must be greater than 0 and at most 1000"));
            }

            var objectClass = ObjectClass.Unknown;
            if (r.Class is null)
            {
                errors.Add(new FieldError(i, "class", "is required: person, vehicle, animal or unknown"));
            }
            else if (!ObjectClassNames.TryParse(r.Class, out objectClass))
            {
                errors.Add(new FieldError(i, "class", $"{CallerValue.Quote(r.Class)} is not person, vehicle, animal or unknown"));
            }

            if (r.CountNotInteger)
            {
                errors.Add(new FieldError(i, "count", "must be an integer"));
            }
            else if (r.Count is { } c && (c < 1 || c > int.MaxValue))
            {
                errors.Add(new FieldError(i, "count", "must be an integer of at least 1"));
            }

            if (r.TrackId is { } t && (t.Length == 0 || t.Length > MaxIdLength))
            {
                errors.Add(new FieldError(i, "trackId", $"must be 1 to {MaxIdLength} characters"));
            }

            if (errors.Count == before && sensor is not null)
            {
                valid.Add((sectorIndex, new SensorReport(
                    r.ReportId!,
                    sensor.Id,
                    observedAt,
                    r.Lon!.Value,
                    r.Lat!.Value,
                    r.AccuracyM ?? sensor.DefaultAccuracyM,
                    objectClass,
                    (int)(r.Count ?? 1),
                    r.TrackId)));
            }
        }
    }

    private static void CheckId(string? value, string field, int index, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new FieldError(index, field, "is required"));
        }
        else if (value.Length > MaxIdLength)
        {
            errors.Add(new FieldError(index, field, $"must be 1 to {MaxIdLength} characters"));
        }
    }

    private DateTimeOffset CheckObservedAt(in RawReport report, int index, DateTimeOffset now, List<FieldError> errors)
    {
        if (report.ObservedAtMalformed)
        {
            errors.Add(new FieldError(index, "observedAt", "must be an RFC 3339 time, e.g. 2026-11-17T03:12:45.120Z"));
            return default;
        }

        if (report.ObservedAt is not { } at)
        {
            errors.Add(new FieldError(index, "observedAt", "is required (RFC 3339, UTC)"));
            return default;
        }

        if (at > now + options.MaxAhead)
        {
            errors.Add(new FieldError(index, "observedAt", $"is more than {options.MaxAhead.TotalSeconds:0} s ahead of the clock ({now:O})"));
        }
        else if (at < now - options.MaxAge)
        {
            errors.Add(new FieldError(index, "observedAt", $"is more than {options.MaxAge.TotalHours:0} h old"));
        }

        return at;
    }

    private static bool CheckCoordinate(double? value, string field, double min, double max, int index, List<FieldError> errors)
    {
        if (value is not { } v)
        {
            errors.Add(new FieldError(index, field, "is required"));
            return false;
        }

        if (!double.IsFinite(v))
        {
            errors.Add(new FieldError(index, field, "must be a finite number"));
            return false;
        }

        if (v < min || v > max)
        {
            errors.Add(new FieldError(index, field, $"must be between {min} and {max} degrees"));
            return false;
        }

        return true;
    }

}
