namespace Monitoring.LoadTests.Scenarios;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

/// <summary>A console's hub connection to /hubs/console, as the load tool's consoles and operators open it.</summary>
public static class ConsoleConnection
{
    public static HubConnection Build(Uri baseAddress, string? accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/console"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult(accessToken);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2); // a loaded host answers pings late; that is not a lost console
        return connection;
    }
}
