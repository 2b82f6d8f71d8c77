namespace Monitoring.LoadTests.Scenarios;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Hub;

/// <summary>A console's hub connection to /hubs/console, as the load tool's consoles and operators open it.</summary>
public static class ConsoleConnection
{
    public static HubConnection Build(Uri baseAddress, string? accessToken, string trackFormat)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, $"/hubs/console?{TrackFormats.QueryParameter}={trackFormat}"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult(accessToken);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2); // a loaded host answers pings late; that is not a lost console
        return connection;
    }

    /// <summary>Every push the console hub sends (docs/api.md).</summary>
    public static readonly IReadOnlyList<string> Pushes = ["alert", "incident", TrackFormats.FullPush, TrackFormats.CompactPush, "mdl", "sensorHealth"];

    /// <summary>
    /// Gives every push the caller does not handle a handler that reads past it. Without one, the SignalR client
    /// fails to bind the push's argument and throws (and catches) an exception per message: at 100 consoles that
    /// is over a thousand exceptions a second for the tracks pushes alone, CPU taken from the host it measures.
    /// </summary>
    public static void IgnoreOtherPushes(HubConnection connection, params string[] handled)
    {
        foreach (var push in Pushes.Except(handled, StringComparer.Ordinal))
        {
            connection.On<UnreadPush>(push, static _ => { });
        }
    }

    /// <summary>No members: the JSON protocol skips over the push's fields without building anything.</summary>
    private sealed class UnreadPush;
}
