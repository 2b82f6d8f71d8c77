namespace Monitoring.Host.Sensors;

using Monitoring.Grains.Sensors;
using Monitoring.Host.Problems;
using Monitoring.Host.Security;

public static class SensorEndpoints
{
    public static IEndpointRouteBuilder MapSensors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sensors").WithTags("Sensors");
        group.MapGet("/", (SensorCatalog sensors, SensorHealth health) => Results.Ok(sensors.All.Select(s => SensorView.Of(s, health))))
            .WithSummary("The sensor catalogue, with each sensor's last heartbeat and health.");
        group.MapGet("/{id}", (string id, SensorCatalog sensors, SensorHealth health) => sensors.TryGet(id, out var sensor)
                ? Results.Ok(SensorView.Of(sensor, health))
                : ProblemResults.Single(404, "No such sensor.", null, "id", $"{CallerValue.Quote(id)} is not in the catalogue"))
            .WithSummary("One sensor.");

        // Extension: a sign of life from a sensor with nothing to report. Sensors use their key, not a token.
        group.MapPost("/{id}/heartbeat", (string id, HttpContext http, SensorKeyRing keys, SensorHealth health) =>
            {
                if (!keys.Accepts(http.Request.Headers["X-Api-Key"].ToString()))
                {
                    return ProblemResults.Single(StatusCodes.Status401Unauthorized, "Missing or unknown sensor key.", null, "X-Api-Key", "send a sensor key in the X-Api-Key header");
                }

                if (!health.Beat(id))
                {
                    return ProblemResults.Single(404, "No such sensor.", null, "id", $"{CallerValue.Quote(id)} is not in the catalogue");
                }

                var (last, state) = health.Of(id);
                return Results.Json(new HeartbeatAnswer(id, last, state), statusCode: StatusCodes.Status202Accepted);
            })
            .AllowAnonymous()
            .WithName("PostSensorHeartbeat")
            .WithSummary("(extension) A sensor heartbeat, with the sensor key in X-Api-Key.")
            .Produces<HeartbeatAnswer>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
