namespace Monitoring.Host.Hub;

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

/// <summary>
/// The hub's JSON protocol, plus a reason when a client's message is over the hub's receive limit. SignalR hands
/// the parser at most the limit's worth of a connection's bytes; when no whole message is in there it throws an
/// InvalidDataException, and the close message the client gets says only "Connection closed with an error." (the
/// exception's text goes out only with EnableDetailedErrors, which would send every exception's text to every
/// client). The message of a HubException always goes out with the close, so this parser throws one in that same
/// case, first: the client's Closed error then names the limit. The connection is still closed (the rest of the
/// message cannot be skipped from here), and nothing of the message is dispatched.
/// </summary>
public sealed class OversizedMessageProtocol(IHubProtocol inner, long maxMessageBytes) : IHubProtocol
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    /// <summary>What the client reads after "HubException: ", as the hub's other refusals start with a status.</summary>
    public string Reason => $"413: a message to the hub may be at most {maxMessageBytes} bytes; this one was longer, "
        + "so it was not read and the connection was closed";

    /// <summary>
    /// Puts this in place of the JSON protocol that AddSignalR/AddJsonProtocol registered, with the same options and
    /// name ("json"), so clients see no difference. Another protocol added later would close without the reason.
    /// </summary>
    public static void ReplaceJson(IServiceCollection services, long maxMessageBytes)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHubProtocol) && services[i].ImplementationType == typeof(JsonHubProtocol))
            {
                services.RemoveAt(i);
            }
        }

        services.AddSingleton<IHubProtocol>(sp => new OversizedMessageProtocol(
            new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>()), maxMessageBytes));
    }

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (inner.TryParseMessage(ref input, binder, out message))
        {
            return true;
        }

        // At least the limit's worth of bytes and no whole message in them: the message is longer than the limit,
        // and SignalR is about to end the connection over it.
        return input.Length >= maxMessageBytes ? throw new HubException(Reason) : false;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
}
