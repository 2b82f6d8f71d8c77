namespace Monitoring.Host.Hub;

/// <summary>How the host pushes to consoles (configuration section Monitoring:Hub).</summary>
public sealed class ConsoleHubOptions
{
    /// <summary>
    /// Largest message a client may send to the hub, bytes: SignalR's default (32 KB), set here by name so that the
    /// hub and <see cref="OversizedMessageProtocol"/> (which tells the client when a message was over it) agree.
    /// Not configurable: every call of the hub fits in a fraction of it (a note is at most 2000 characters).
    /// </summary>
    public const long MaxReceiveMessageBytes = 32 * 1024;

    /// <summary>
    /// Bytes a console's connection may have waiting to be sent before a push to it waits (SignalR's
    /// ApplicationMaxBufferSize, 64 KB by default). A "tracks" push of a busy sector is 50–200 KB, so at the
    /// default every such push made the next alert to that console wait until the socket had taken it.
    /// </summary>
    public long SendBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Alert pushes that may be in progress at once. Each push is handed to every console of its group in
    /// order before the next starts, so a console still receives its alerts in order; the window only stops
    /// one slow console from holding up every other console's next alert. 1 sends one alert at a time.
    /// </summary>
    public int AlertSendWindow { get; set; } = 64;
}
