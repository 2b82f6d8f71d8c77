namespace Monitoring.Host.Tests.Infrastructure;

/// <summary>Free loopback TCP ports, so parallel tests never collide on fixed ports.</summary>
/// <remarks>
/// The OS may hand the port to someone else before the caller binds it; servers started by tests
/// should retry on a bind failure (as <see cref="RedisServer"/> does).
/// </remarks>
public static class FreePort
{
    // The host already picks free ports for silo/gateway port 0; tests use the same implementation.
    public static int Next() => Monitoring.Host.Configuration.FreePort.Next();
}
