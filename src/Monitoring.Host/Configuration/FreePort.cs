namespace Monitoring.Host.Configuration;

using System.Net;
using System.Net.Sockets;

/// <summary>A free loopback TCP port, for silo and gateway ports configured as 0.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
