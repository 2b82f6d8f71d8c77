namespace Monitoring.Host.Identity;

using Microsoft.AspNetCore.Authentication.JwtBearer;

/// <summary>
/// Browsers cannot set headers on a WebSocket, so SignalR sends the token as ?access_token=. It is read
/// only for the hub paths (anywhere else a token in a URL would end up in logs and browser history);
/// an Authorization header still wins.
/// </summary>
public static class HubAccessToken
{
    public const string HubPathPrefix = "/hubs";
    public const string QueryName = "access_token";

    public static Task Read(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments(HubPathPrefix)
            && !request.Headers.Authorization.Any()
            && request.Query[QueryName].ToString() is { Length: > 0 } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }
}
