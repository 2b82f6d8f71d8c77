namespace Monitoring.Host.Tests.Identity;

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Mdl;
using Monitoring.Host.Drills;
using Monitoring.Host.Tests.Drills;
using Monitoring.Host.Tests.Infrastructure;

/// <summary>One started host per identity test class, and a look into its audit log.</summary>
public sealed class IdentityHost : IAsyncLifetime
{
    private readonly Dictionary<string, Task<string>> _incidents = new();
    private Task<string>? _drill;

    public MonitoringApp App { get; } = new();

    /// <summary>The id of an open incident in this sector, opened once per host by a crossing (see <see cref="OpenIncidentAsync"/>).</summary>
    public Task<string> IncidentInAsync(string sectorId)
    {
        lock (_incidents)
        {
            if (!_incidents.TryGetValue(sectorId, out var incident))
            {
                _incidents[sectorId] = incident = OpenIncidentAsync(sectorId, "matrix");
            }

            return incident;
        }
    }

    /// <summary>A person crossing 300 m south of the line in this sector (a new track), and the incident it opens.</summary>
    public async Task<string> OpenIncidentAsync(string sectorId, string trackId)
    {
        var mdl = App.Services.GetRequiredService<MdlSnapshots>().Require();
        var sector = mdl.Sectors.Sectors.Single(s => s.SectorId == sectorId);
        var p = mdl.Sectors.PointAt((sector.StartM + sector.EndM) / 2, 300);
        var sensor = $"rdr-{sectorId[1..]}";
        using var sensors = App.SensorClient();
        var posted = await sensors.PostAsync("/api/reports", Reports.Batch(Reports.Report($"{trackId}-{sectorId}", sensor, p.Lon, p.Lat, DateTimeOffset.UtcNow.AddSeconds(-1), trackId: trackId)));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);

        using var admin = await App.ClientFor("admin");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var listed = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/incidents?sector={sectorId}"))!;
            if (listed.FirstOrDefault(i => i.GetProperty("trackId").GetString() == $"{sensor}/{trackId}") is { ValueKind: JsonValueKind.Object } found)
            {
                return found.GetProperty("incidentId").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no incident opened in {sectorId}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The id of a drill of every scenario, played to its end at max speed once per host: its incidents are in
    /// several sectors, most of them not the "-west" users' (the scenarios play in S12 and beyond, one from S02 on).
    /// </summary>
    public Task<string> FinishedDrillAsync()
    {
        lock (_incidents)
        {
            return _drill ??= PlayDrillAsync();
        }
    }

    private async Task<string> PlayDrillAsync()
    {
        // The host reads its recordings when a drill starts, so one written now is found.
        var recording = await ScenarioRecording.WriteAsync(App.DataDirectory);
        using var controller = await App.ClientFor("drill");
        var started = await controller.PostAsJsonAsync("/api/drills", new { recording, speed = "max", to = ScenarioRecording.Start + TimeSpan.FromMinutes(10) });
        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        var drillId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("drillId").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await controller.GetFromJsonAsync<JsonElement>($"/api/drills/{drillId}")).GetProperty("state").GetString() != DrillStates.Finished)
        {
            Assert.True(DateTime.UtcNow < deadline, $"drill {drillId} has not finished");
            await Task.Delay(100);
        }

        return drillId;
    }

    public async Task InitializeAsync() => (await App.StartAsync()).Dispose();

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>
    /// Waits (up to 10 s) for an audit entry that matches: an HTTP denial is audited just after its
    /// response is sent, so it may land a moment after the client has the answer.
    /// </summary>
    public async Task<AuditEntry> WaitForAuditAsync(Func<AuditEntry, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if ((await AuditAsync(match)).FirstOrDefault() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no audit entry for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>The audit entries that match (the log is read whole: test hosts write little).</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(Func<AuditEntry, bool> match)
    {
        var log = App.Services.GetRequiredService<IAuditLog>();
        var records = await log.ReadAsync(0, 100_000);
        return records.Select(r => r.Entry).Where(match).ToArray();
    }
}
