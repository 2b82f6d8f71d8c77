namespace Monitoring.Host.Drills;

using System.Text.Json;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Host.Recording;
using Monitoring.Contracts.Grains;

/// <summary>POST /api/drills, GET /api/drills/{id}, POST /api/drills/{id}/pause|resume|stop (drill-controller or admin).</summary>
public static class DrillEndpoints
{
    public static IEndpointRouteBuilder MapDrillEndpoints(this IEndpointRouteBuilder app)
    {
        var drills = app.MapGroup("/api/drills").WithTags("Drills").RequireAuthorization(DrillRegistration.Policy);
        drills.MapPost("", Start).WithName("StartDrill").WithSummary("Starts a drill: replays a recording into its own namespace on its own clock.");
        drills.MapGet("/{id}", (string id, IClusterClient grains) => Answer(id, grains, async g => new DrillControl { Status = await g.GetStatus() })).WithName("GetDrill");
        drills.MapPost("/{id}/pause", (string id, IClusterClient grains, HttpContext http) => Answer(id, grains, g => g.Pause(Who(http)))).WithName("PauseDrill")
            .WithSummary("Pauses a running drill (a paused one: 200, unchanged); 409 naming id once it has finished or stopped.");
        drills.MapPost("/{id}/resume", (string id, IClusterClient grains, HttpContext http) => Answer(id, grains, g => g.Resume(Who(http)))).WithName("ResumeDrill")
            .WithSummary("Resumes a paused drill (a running one: 200, unchanged); 409 naming id once it has finished or stopped.");
        drills.MapPost("/{id}/stop", (string id, IClusterClient grains, HttpContext http) => Answer(id, grains, g => g.Stop(Who(http)))).WithName("StopDrill")
            .WithSummary("Stops a running or paused drill and answers with its after-action report; 409 naming id once it has finished or stopped.");
        return app;
    }

    private static async Task<IResult> Start(HttpContext http, RecordingCatalog catalog, MdlSnapshots mdl, IClusterClient grains)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return ProblemResults.Single(StatusCodes.Status400BadRequest, "The drill was not started.", null, "body", "not valid JSON");
        }

        var errors = new List<FieldError>();
        var known = mdl.Require().Sectors.Sectors.Select(s => s.SectorId).ToArray();
        var settings = DrillRequestParser.Parse(body, catalog, known, Who(http), errors);
        if (settings is null)
        {
            return ProblemResults.Of(StatusCodes.Status400BadRequest, "The drill was not started.", errors);
        }

        var id = DrillIds.New();
        await grains.Reference<IDrillGrain>(id).Start(settings);

        // Location names the new drill (GET /api/drills/{id}). The id is "drill-" and hex digits (DrillIds), so it
        // needs no escaping; it is escaped anyway so the header stays a URL whatever DrillIds may make one day.
        return Results.Created($"{http.Request.PathBase}/api/drills/{Uri.EscapeDataString(id)}", new { drillId = id });
    }

    private static async Task<IResult> Answer(string id, IClusterClient grains, Func<IDrillGrain, Task<DrillControl>> call)
    {
        if (!DrillIds.IsWellFormed(id) || await call(grains.Reference<IDrillGrain>(id)) is not { Status: { } status } answer)
        {
            return ProblemResults.Single(StatusCodes.Status404NotFound, "No such drill.", null, "id", $"no drill {CallerValue.Quote(id)}");
        }

        // api.md: pause, resume and stop control a running drill; one that has ended refuses, and nothing changed.
        if (answer.Refused is { } reason)
        {
            return ProblemResults.Single(StatusCodes.Status409Conflict, "The drill has ended.", null, "id", reason);
        }

        return Results.Json(new
        {
            status.DrillId,
            status.Recording,
            speed = status.Speed is { } s ? (object)s : "max",
            status.State,
            status.Progress,
            status.Clock,
            status.AfterAction,
            status.Loop,
            status.Pass,
            status.Batches,
            status.Reports,
            status.Alerts,
            status.Error,
            status.ReplaySeconds,
        });
    }

    private static string Who(HttpContext http) => http.User.ToActor().Name;
}
