namespace Monitoring.Host.Ingestion;

using System.Buffers;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Reports;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Problems;
using Monitoring.Host.Recording;
using Monitoring.Host.Security;
using Monitoring.Host.Sensors;
using Monitoring.Contracts.Grains;

/// <summary>
/// POST /api/reports: authenticate, read, validate the whole batch (nothing applied on any error),
/// then one grain call per sector per batch.
/// </summary>
public static class ReportsEndpoint
{
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
        SensorHealth health)
    {
        const string Rejected = "The batch was rejected; nothing in it was applied.";
        var opts = options.Value;
        if (!keys.Accepts(http.Request.Headers["X-Api-Key"].ToString()))
        {
            return ProblemResults.Single(StatusCodes.Status401Unauthorized, "Missing or unknown sensor key.", null, "X-Api-Key", "send a sensor key in the X-Api-Key header");
        }

        if (http.Request.ContentLength > opts.MaxBodyBytes)
        {
            return ProblemResults.Single(StatusCodes.Status413PayloadTooLarge, Rejected, null, "body", $"the body is larger than {opts.MaxBodyBytes} bytes");
        }

        var snapshot = mdl.Current;
        if (snapshot is null)
        {
            return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, "The MDL is still loading.", [new FieldError(null, "service", "not ready; retry shortly")], new Dictionary<string, string> { ["Retry-After"] = "2" });
        }

        var body = await ReadBody(http.Request, opts.MaxBodyBytes);
        if (body is null)
        {
            return ProblemResults.Single(StatusCodes.Status413PayloadTooLarge, Rejected, null, "body", $"the body is larger than {opts.MaxBodyBytes} bytes");
        }

        try
        {
            var ndjson = IsNdjson(http.Request.ContentType, body.Value.Span);
            // Sized from the body (a report takes well over 64 bytes) so the list of large structs never regrows.
            var raw = new List<RawReport>((int)Math.Min(opts.MaxBatchReports, body.Value.Length / 64 + 1));
            var errors = new List<FieldError>();
            if (!ReportBatchParser.TryParse(body.Value.Span, ndjson, opts.MaxBatchReports, raw, errors, out var tooMany))
            {
                return ProblemResults.Of(tooMany ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, Rejected, errors);
            }

            if (raw.Count == 0)
            {
                return ProblemResults.Single(StatusCodes.Status400BadRequest, Rejected, null, "body", "the batch is empty; send 1 to " + opts.MaxBatchReports + " reports");
            }

            var valid = new List<(int SectorIndex, SensorReport Report)>(raw.Count);
            new ReportValidator(sensors, opts).Validate(raw, snapshot.Sectors, clock.GetUtcNow(), valid, errors);
            if (errors.Count > 0)
            {
                return ProblemResults.Of(StatusCodes.Status400BadRequest, Rejected, errors);
            }

            // Recorded (durably) before anything is applied: a 202 means the batch is in the recording.
            var reports = valid.ConvertAll(v => v.Report);
            if (!await recorder.TryAppendAsync(reports))
            {
                return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, "The feed recorder is unavailable; nothing was applied.", [new FieldError(null, "service", "recording failed; retry")], new Dictionary<string, string> { ["Retry-After"] = "2" });
            }

            health.Heard(reports);
            var sectorDefs = snapshot.Sectors.Sectors;
            var calls = valid
                .GroupBy(v => v.SectorIndex)
                .Select(g => grains.Reference<ISectorGrain>(sectorDefs[g.Key].SectorId).Ingest(g.Select(v => v.Report).ToArray()))
                .ToArray();
            var results = await Task.WhenAll(calls);
            return Results.Json(new IngestAccepted(results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates)), statusCode: StatusCodes.Status202Accepted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(ReportsEndpoint)).LogError(ex, "Ingestion failed after validation");
            return ProblemResults.Of(StatusCodes.Status503ServiceUnavailable, "Storage or a sector is unavailable; retry.", [new FieldError(null, "service", ex.GetType().Name)], new Dictionary<string, string> { ["Retry-After"] = "2" });
        }
        finally
        {
            if (MemoryMarshalArray(body.Value) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
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

    /// <summary>Reads the whole body into a pooled buffer; null if it exceeds the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBody(HttpRequest request, long limit)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 64 * 1024, 1024, limit + 1));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > limit)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }

        return new ReadOnlyMemory<byte>(buffer, 0, length);
    }

    private static byte[]? MemoryMarshalArray(ReadOnlyMemory<byte> memory)
        => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment) ? segment.Array : null;
}
