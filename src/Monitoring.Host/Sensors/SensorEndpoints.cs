namespace Monitoring.Host.Sensors;

using Monitoring.Grains.Sensors;
using Monitoring.Host.Problems;

public static class SensorEndpoints
{
    public static IEndpointRouteBuilder MapSensors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sensors").WithTags("Sensors");
        group.MapGet("/", (SensorCatalog sensors) => Results.Ok(sensors.All.Select(SensorView.Of)))
            .WithSummary("The sensor catalogue.");
        group.MapGet("/{id}", (string id, SensorCatalog sensors) => sensors.TryGet(id, out var sensor)
                ? Results.Ok(SensorView.Of(sensor))
                : ProblemResults.Single(404, "No such sensor.", null, "id", $"'{id}' is not in the catalogue"))
            .WithSummary("One sensor.");
        return app;
    }
}
