namespace Monitoring.Host.Ingestion;

using Microsoft.Extensions.Options;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Problems;
using Monitoring.Host.Recording;
using Monitoring.Host.Requests;
using Monitoring.Host.Security;
using Monitoring.Host.Sensors;
using Monitoring.Contracts.Grains;
using Monitoring.Geo;
using Monitoring.Grains.Diagnostics;

/// <summary>
/// POST /api/reports: authenticate, read, validate the whole batch (nothing applied on any error),
/// then one grain call per sector per batch.
/// </summary>
public static class ReportsEndpoint
{
    private const string Rejected = "The batch was rejected; nothing in it was applied.";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reports", Handle)
            .WithName("PostReports")
            .AllowAnonymous() // sensors authenticate with X-Api-Key, checked in Handle
            .WithTags("Ingestion")
            .WithSummary("Ingest a batch of sensor reports (JSON array or NDJSON).")
            .Produces<IngestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> Handle(
        HttpContext http,
        SensorKeyRing keys,
        SensorCatalog sensors,
        MdlSnapshots mdl,
        IOptions<IngestionOptions> options,
        IClusterClient grains,
        TimeProvider clock,
        ILoggerFactory loggers,
        FeedRecorder recorder,
        SensorHealth health,
        SensorRateLimit rateLimit,
        SensorTurns turns)
    {
        var opts = options.Value;
        if (!keys.TryIdentify(http.Request.Headers["X-Api-Key"].ToString(), out var keyIndex))
        {
            return ProblemResults.Single(StatusCodes.Status401Unauthorized, "Missing or unknown sensor key.", null, "X-Api-Key", "send a sensor key in the X-Api-Key header");
        }

        // Checked before the MDL is (BoundedBody checks it too): an oversized claim is a 413 even while the MDL loads.
        if (http.Request.ContentLength > opts.MaxBodyBytes)
        {
            return ProblemResults.Single(StatusCodes.Status413PayloadTooLarge, Rejected, null, "body", $"the body is larger than {opts.MaxBodyBytes} bytes");
        }

        var snapshot = mdl.Current;
        if (snapshot is null)
        {
            return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, "The MDL is still loading.", [new FieldError(null, "service", "not ready; retry shortly")], new Dictionary<string, string> { ["Retry-After"] = "2" });
        }

        // No cancellation token, as before: an aborted request fails the read anyway, and a cancellable read would
        // register a callback on every read of the hot path.
        if (await BoundedBody.ReadAsync(http.Request, opts.MaxBodyBytes, CancellationToken.None) is not { } body)
        {
            return ProblemResults.Single(StatusCodes.Status413PayloadTooLarge, Rejected, null, "body", $"the body is larger than {opts.MaxBodyBytes} bytes");
        }

        try
        {
            var valid = ParseAndValidate(body.Span, http.Request.ContentType, opts, sensors, snapshot, clock.GetUtcNow(), out var problem);
            if (problem is not null)
            {
                return problem;
            }

            // After validation (a bad batch hears why) and before anything is recorded or applied.
            if (!rateLimit.TryTake(keyIndex, valid.Count, out var retryAfter))
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                return ProblemResults.Of(
                    StatusCodes.Status429TooManyRequests,
                    Rejected,
                    [new FieldError(null, "X-Api-Key", $"this sensor key sent more than {rateLimit.ReportsPerSecond} reports a second; retry after {seconds} s")],
                    new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            // One sensor's batches into different sectors in the order they arrived.
            var calls = SectorBatches.Split(valid);
            var turn = turns.Take(SensorsOf(valid), calls.ConvertAll(c => c.SectorIndex));
            try
            {
                // Recorded and decided side by side, so an alert waits for its sector's commit only, not for the
                // recorder's fsync before it as well. A 202 still means both are durable. A batch the recorder could
                // not write answers 503 though it may have been decided: the sensor resends it unchanged, and its
                // decided reports come back as duplicates (docs/recording.md "When the recorder fails").
                var reports = valid.ConvertAll(v => v.Report);
                var recording = recorder.TryAppendAsync(reports);
                var recorded = false;
                IngestResult[] results;
                try
                {
                    await turn.Ready;
                    var sectorDefs = snapshot.Sectors.Sectors;
                    var sectorsStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                    results = calls.Count == 1
                        ? [await grains.Reference<ISectorGrain>(sectorDefs[calls[0].SectorIndex].SectorId).Ingest(calls[0].Reports)]
                        : await Task.WhenAll(calls.Select(c => grains.Reference<ISectorGrain>(sectorDefs[c.SectorIndex].SectorId).Ingest(c.Reports)));
                    MonitoringMetrics.SectorIngest.Record(MonitoringMetrics.Since(sectorsStarted));
                }
                finally
                {
                    // Answered only once the recorder has answered too (TryAppendAsync does not throw).
                    recorded = await recording;
                }

                health.Heard(reports);
                if (!recorded)
                {
                    return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, "The feed recorder is unavailable; the batch was not recorded.", [new FieldError(null, "service", "recording failed; resend the batch unchanged (reports already decided count as duplicates)")], new Dictionary<string, string> { ["Retry-After"] = "2" });
                }

                return Results.Json(new IngestAccepted(results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates)), statusCode: StatusCodes.Status202Accepted);
            }
            finally
            {
                turns.Finish(turn);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(ReportsEndpoint)).LogError(ex, "Ingestion failed after validation");
            return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, "Storage or a sector is unavailable; retry.", [new FieldError(null, "service", ex.GetType().Name)], new Dictionary<string, string> { ["Retry-After"] = "2" });
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>
    /// The whole batch parsed and validated: its reports with their sector, or a problem naming every bad field.
    /// Synchronous on purpose: the parsed list is the thread's reusable one (RawReportBuffer).
    /// </summary>
    private static List<(int SectorIndex, SensorReport Report)> ParseAndValidate(
        ReadOnlySpan<byte> body,
        string? contentType,
        IngestionOptions opts,
        SensorCatalog sensors,
        ReconciledMdl snapshot,
        DateTimeOffset now,
        out IResult? problem)
    {
        // Sized from the body (a report takes well over 64 bytes) so the list of large structs never regrows.
        var raw = RawReportBuffer.Take((int)Math.Min(opts.MaxBatchReports, body.Length / 64 + 1));
        try
        {
            var errors = new List<FieldError>();
            if (!ReportBatchParser.TryParse(body, IsNdjson(contentType, body), opts.MaxBatchReports, raw, errors, out var tooMany))
            {
                problem = ProblemResults.Of(tooMany ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, Rejected, errors);
                return [];
            }

            if (raw.Count == 0)
            {
                problem = ProblemResults.Single(StatusCodes.Status400BadRequest, Rejected, null, "body", "the batch is empty; send 1 to " + opts.MaxBatchReports + " reports");
                return [];
            }

            var valid = new List<(int SectorIndex, SensorReport Report)>(raw.Count);
            new ReportValidator(sensors, opts).Validate(raw, snapshot.Sectors, now, valid, errors);
            problem = errors.Count > 0 ? ProblemResults.Of(StatusCodes.Status400BadRequest, Rejected, errors) : null;
            return valid;
        }
        finally
        {
            RawReportBuffer.Give(raw);
        }
    }

    /// <summary>The batch's distinct sensors; usually one, found without a set.</summary>
    private static IReadOnlyList<string> SensorsOf(List<(int SectorIndex, SensorReport Report)> batch)
    {
        var first = batch[0].Report.SensorId;
        for (var i = 1; i < batch.Count; i++)
        {
            if (!string.Equals(batch[i].Report.SensorId, first, StringComparison.Ordinal))
            {
                return batch.Select(b => b.Report.SensorId).Distinct(StringComparer.Ordinal).ToArray();
            }
        }

        return [first];
    }

    /// <summary>NDJSON when declared, or when an undeclared body starts with an object rather than an array.</summary>
    private static bool IsNdjson(string? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var trimmed = body.TrimStart(" \t\r\n"u8);
        return contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true && !trimmed.IsEmpty && trimmed[0] == (byte)'{';
    }
}
