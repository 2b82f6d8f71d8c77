namespace Monitoring.Host.Hub;

using Monitoring.Contracts.Hub;
using Monitoring.Host.Problems;

/// <summary>
/// Refuses a console connection that asks for a track format this host does not know, with a 400
/// problem+json naming <c>trackFormat</c>, before SignalR negotiates or connects. Falling back to "full"
/// instead would leave a console that asked for something else listening for a push that never comes.
/// </summary>
public static class TrackFormatGuard
{
    public static IApplicationBuilder UseTrackFormatGuard(this IApplicationBuilder app, PathString hubPath)
        => app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubPath)
                && context.Request.Query.TryGetValue(TrackFormats.QueryParameter, out var asked)
                && (asked.Count != 1 || !TrackFormats.IsKnown(asked[0])))
            {
                await ProblemResults.Single(
                        StatusCodes.Status400BadRequest,
                        "Unknown track format",
                        null,
                        TrackFormats.QueryParameter,
                        $"must be \"{TrackFormats.Full}\" or \"{TrackFormats.Compact}\", once; got {CallerValue.Quote(asked.ToString())}")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
