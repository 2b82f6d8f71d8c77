namespace Monitoring.LoadTests.Hosting;

using System.Net;
using System.Net.Sockets;

/// <summary>A free loopback TCP port (bind to 0, read it back, release it).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
