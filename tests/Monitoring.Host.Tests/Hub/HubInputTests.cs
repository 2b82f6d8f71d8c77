namespace Monitoring.Host.Tests.Hub;

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Host.Incidents;
using Monitoring.Host.Tests.Identity;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>
/// Hostile arguments to the console hub's calls: each is refused with a HubException whose message starts with its
/// status (docs/protocol.md), never the hub's "unexpected error" that names nothing, and the connection stays usable.
/// </summary>
public sealed class HubInputTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static readonly string Huge = new('a', 20_000);

    public static TheoryData<string, object?[], string> Refusals => new()
    {
        { "Subscribe", [null], "400:" }, // threw a NullReferenceException
        { "Subscribe", [new string?[] { "S05", null }], "400:" }, // "Unknown sector(s): ."
        { "Subscribe", [new[] { "drill-0123456789/S05" }], "404:" },
        { "Subscribe", [new[] { "*", "S05" }], "404:" },
        { "Subscribe", [new[] { Huge }], "404:" },
        { "Subscribe", [new[] { TestUsers.OtherSector }], "403:" },
        { "GetAlertsSince", [null, 0L], "404:" },
        { "GetAlertsSince", ["S05", -1L], "400:" }, // answered every alert from seq 1
        { "GetAlertsSince", ["S05", long.MinValue], "400:" },
        { "GetAlertsSince", [TestUsers.OtherSector, 0L], "403:" },
        { "AcknowledgeStep", [null, "confirm", null], "404:" }, // threw from the grain runtime
        { "AcknowledgeStep", [" ", "confirm", null], "404:" }, // threw from the grain runtime
        { "AcknowledgeStep", [Huge, "confirm", null], "404:" },
        { "AcknowledgeStep", ["drill-0123456789/S05-2026-0001", "confirm", null], "404:" },
        { "AcknowledgeStep", ["S05-2026-0001", null, null], "400:" },
        { "AcknowledgeStep", ["S05-2026-0001", "confirm", new string('n', AckNote.MaxLength + 1)], "400:" }, // was stored
        { "JoinDrill", [null], "404:" }, // threw a NullReferenceException
        { "JoinDrill", [Huge], "404:" },
        { "JoinDrill", ["S05-2026-0001"], "404:" },
        { "LeaveDrill", [null], "400:" }, // left the live sector groups
        { "LeaveDrill", ["S05"], "400:" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_hostile_argument_is_refused_with_its_status_and_the_connection_stays_usable(string method, object?[] args, string status)
    {
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor("op-west"));

        var refused = await Assert.ThrowsAsync<HubException>(() => console.InvokeCoreAsync<object>(method, args));

        // The client sees "An unexpected error occurred invoking 'X' on the server. HubException: 400: …".
        Assert.Contains($"HubException: {status} ", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Message.Length < 1_000, "a refusal echoes at most a short prefix of the caller's id");
        await console.InvokeAsync<object>("Subscribe", new[] { TestUsers.OwnSector });
    }

    [Fact]
    public async Task A_refused_LeaveDrill_null_keeps_the_console_in_its_live_sector()
    {
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor("op-west"));
        var inbox = new AlertInbox(console);
        await console.InvokeAsync<object>("Subscribe", new[] { TestUsers.OwnSector });

        await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync("LeaveDrill", (string?)null));
        await host.OpenIncidentAsync(TestUsers.OwnSector, "leave-null");

        var alerts = await inbox.WaitForAsync(a => a.Any(x => x.TrackId == "rdr-05/leave-null"));
        Assert.Contains(alerts, a => a.TrackId == "rdr-05/leave-null");
    }
}
