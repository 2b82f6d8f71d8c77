namespace Monitoring.Host.Tests.Hub;

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Host.Hub;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// A message to the hub over its 32 KB receive limit is not a call: the server closes the connection. The client
/// used to hear only "Connection closed with an error."; now the close error says the message was too large and
/// names the limit, and the call that was too large fails with that same error (docs/api.md, console hub).
/// </summary>
public sealed class HubMessageSizeTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static readonly string Over = new('n', (int)ConsoleHubOptions.MaxReceiveMessageBytes + 1_000);

    public static TheoryData<string, object?[]> Oversized => new()
    {
        { "AcknowledgeStep", ["S05-2026-0001", "confirm", Over] }, // a huge note
        { "AcknowledgeStep", [Over, "confirm", null] }, // a huge id
        { "Subscribe", [Enumerable.Repeat("S05", 10_000).ToArray()] }, // thousands of sector ids
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task A_message_over_the_limit_closes_the_connection_with_an_error_naming_the_limit(string method, object?[] args)
    {
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor("op-west"));
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        var call = await Assert.ThrowsAsync<HubException>(() => console.InvokeCoreAsync<object>(method, args));
        var close = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // "The server closed the connection with the following error: Connection closed with an error.
        //  HubException: 413: a message to the hub may be at most 32768 bytes; …"
        var limit = $"HubException: 413: a message to the hub may be at most {ConsoleHubOptions.MaxReceiveMessageBytes} bytes";
        Assert.Contains(limit, Assert.IsType<HubException>(close).Message, StringComparison.Ordinal);
        Assert.Contains(limit, call.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, console.State);
    }

    [Fact]
    public async Task After_an_oversized_message_a_new_connection_works()
    {
        await using (var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor("op-west")))
        {
            await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<object>("AcknowledgeStep", "S05-2026-0001", "confirm", Over));
        }

        await using var again = await host.App.ConnectConsoleAsync(await host.App.TokenFor("op-west"));
        await again.InvokeAsync<object>("Subscribe", new[] { TestUsers.OwnSector });
    }

    [Fact]
    public async Task A_message_just_under_the_limit_is_still_a_call()
    {
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor("op-west"));

        // About 30 KB of id: read, and refused by the hub's own check, with the connection kept.
        var refused = await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<object>("AcknowledgeStep", new string('x', 30_000), "confirm", null));

        Assert.Contains("HubException: 404: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, console.State);
    }
}
