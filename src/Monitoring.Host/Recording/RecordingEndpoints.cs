namespace Monitoring.Host.Recording;

/// <summary>GET /api/recordings: the recorded feeds drills can replay.</summary>
public static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recordings", (RecordingCatalog catalog) => Results.Ok(catalog.List()))
            .WithName("GetRecordings")
            .WithTags("Recordings")
            .WithSummary("The recorded feeds, oldest first: name, from, to, reportCount.")
            .Produces<IReadOnlyList<RecordingSummary>>();
        return app;
    }
}
