using System.Net;
using System.Net.Sockets;

namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>Free loopback TCP ports, so parallel tests never collide on fixed ports.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the OS just handed out on 127.0.0.1. Another process may take it before the caller binds it,
    /// so callers that start servers should retry on a bind failure (as <see cref="RedisServer"/> does).
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
