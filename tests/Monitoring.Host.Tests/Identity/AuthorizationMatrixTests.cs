namespace Monitoring.Host.Tests.Identity;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Tests.Infrastructure;
using RoleNames = Monitoring.Contracts.Identity.Roles;

/// <summary>
/// docs/authorization.md, cell by cell: every role (its user assigned S01–S10) × {an assigned sector,
/// another sector} × every action of the table, against the running host. Every denial must be in the
/// audit log.
/// </summary>
public sealed partial class AuthorizationMatrixTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Own = TestUsers.OwnSector;
    private const string Other = TestUsers.OtherSector;

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in AuthorizationTable.Actions)
        {
            foreach (var role in AuthorizationTable.Roles)
            {
                data.Add(action, role);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_has_a_column_per_role_and_every_action_has_a_check()
    {
        Assert.Equal(RoleNames.All, AuthorizationTable.Roles);
        Assert.Empty(AuthorizationTable.Actions.Except(Checks.Keys));
        Assert.Empty(Checks.Keys.Except(AuthorizationTable.Actions));
        Assert.All(AuthorizationTable.Actions.SelectMany(a => AuthorizationTable.Roles.Select(r => AuthorizationTable.Cell(a, r))),
            cell => Assert.Contains(cell, new[] { "covered", "filtered", "any", "denied", "covered, second person" }));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_cell_of_the_table_holds(string action, string role)
    {
        var cell = AuthorizationTable.Cell(action, role);
        var user = TestUsers.WestUserOfRole[role];
        Assert.True(Checks.TryGetValue(action, out var check), $"no check for '{action}'");
        await check(this, user, cell);
    }

    private delegate Task Check(AuthorizationMatrixTests test, string user, string cell);

    private static Dictionary<string, Check> Checks => new()
    {
        ["subscribe"] = (t, u, c) => t.Subscribe(u, c),
        ["catch-up"] = (t, u, c) => t.CatchUp(u, c),
        ["read-sector"] = (t, u, c) => t.ReadSector(u, c),
        ["list-sectors"] = (t, u, c) => t.ListSectors(u, c),
        ["survey-marker"] = (t, u, c) => t.SurveyMarker(u, c),
        ["read-audit"] = (t, u, c) => t.ReadAudit(u, c),
        ["list-incidents"] = (t, u, c) => t.ListIncidents(u, c),
        ["list-drill-incidents"] = (t, u, c) => t.ListDrillIncidents(u, c),
        ["read-incident"] = (t, u, c) => t.ReadIncident(u, c),
        ["ack-confirm"] = (t, u, c) => t.Ack("confirm", u, c),
        ["ack-report"] = (t, u, c) => t.Ack("report", u, c),
        ["ack-warning-broadcast"] = (t, u, c) => t.Ack("warning-broadcast", u, c),
        ["ack-warning-shots"] = (t, u, c) => t.Ack("warning-shots", u, c),
        ["ack-resolve"] = (t, u, c) => t.Ack("resolve", u, c),
    };

    /// <summary>Whether the cell allows the action in a sector the user is (not) assigned.</summary>
    private static bool Allows(string cell, bool assigned) => cell switch
    {
        "any" => true,
        "denied" => false,
        _ when cell.StartsWith("covered", StringComparison.Ordinal) => assigned,
        _ => throw new InvalidOperationException($"'{cell}' is not a yes/no cell"),
    };

    private async Task Subscribe(string user, string cell)
    {
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor(user));
        foreach (var (sector, assigned) in new[] { (Own, true), (Other, false) })
        {
            if (Allows(cell, assigned))
            {
                var snapshot = await console.InvokeAsync<JsonElement>("Subscribe", new[] { sector });
                Assert.Equal(sector, snapshot.GetProperty("sectors")[0].GetProperty("sectorId").GetString());
            }
            else
            {
                await AssertHubDeniedAsync(() => console.InvokeAsync<JsonElement>("Subscribe", new[] { sector }), user, sector, $"subscribe:{sector}");
            }
        }
    }

    private async Task CatchUp(string user, string cell)
    {
        await using var console = await host.App.ConnectConsoleAsync(await host.App.TokenFor(user));
        using var http = await host.App.ClientFor(user);
        foreach (var (sector, assigned) in new[] { (Own, true), (Other, false) })
        {
            var path = $"/api/alerts?sector={sector}";
            if (Allows(cell, assigned))
            {
                Assert.NotNull(await console.InvokeAsync<Alert[]>("GetAlertsSince", sector, 0L));
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
            }
            else
            {
                await AssertHubDeniedAsync(() => console.InvokeAsync<Alert[]>("GetAlertsSince", sector, 0L), user, sector, $"alerts-since:{sector}");
                await AssertHttpDeniedAsync(await http.GetAsync(path), user, $"GET {path}");
            }
        }
    }

    private async Task ReadSector(string user, string cell)
    {
        using var http = await host.App.ClientFor(user);
        foreach (var (sector, assigned) in new[] { (Own, true), (Other, false) })
        {
            var path = $"/api/sectors/{sector}";
            if (Allows(cell, assigned))
            {
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
            }
            else
            {
                await AssertHttpDeniedAsync(await http.GetAsync(path), user, $"GET {path}");
            }
        }
    }

    private async Task ReadAudit(string user, string cell)
    {
        using var http = await host.App.ClientFor(user);
        var response = await http.GetAsync("/api/audit?limit=1");
        Assert.Equal(Allows(cell, assigned: true) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task ListSectors(string user, string cell)
    {
        Assert.Equal("filtered", cell);
        using var http = await host.App.ClientFor(user);
        var ids = (await http.GetFromJsonAsync<JsonElement[]>("/api/sectors"))!.Select(s => s.GetProperty("sectorId").GetString()!).ToArray();
        Assert.Equal(TestUsers.Get(user).Sectors, ids);
    }

    private async Task SurveyMarker(string user, string cell)
    {
        using var http = await host.App.ClientFor(user);
        foreach (var (sector, assigned) in new[] { (Own, true), (Other, false) })
        {
            var path = $"/api/markers/{MarkerIn(sector)}";
            var response = await http.PutAsJsonAsync(path, new { status = "damaged", surveyedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
            if (Allows(cell, assigned))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                await AssertHttpDeniedAsync(response, user, $"PUT {path}");
            }
        }
    }

    private int MarkerIn(string sectorId)
    {
        var mdl = host.App.Services.GetRequiredService<MdlSnapshots>().Require();
        return mdl.Data.Markers.First(m => mdl.Sectors.TryLocate(m.Position.Lon, m.Position.Lat, out var i) && mdl.Sectors.Sectors[i].SectorId == sectorId).Number;
    }

    private async Task AssertHubDeniedAsync(Func<Task> call, string user, string sector, string subject)
    {
        var failure = await Assert.ThrowsAsync<HubException>(call);
        Assert.Contains($"not authorized for sector {sector}", failure.Message);
        await host.WaitForAuditAsync(e => e.Action == "auth.denied" && e.Actor == user && e.Subject == subject, $"{user} {subject}");
    }

    private async Task AssertHttpDeniedAsync(HttpResponseMessage response, string user, string subject)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await host.WaitForAuditAsync(e => e.Action == "auth.denied" && e.Actor == user && e.Subject == subject, $"{user} {subject}");
    }
}
