namespace Monitoring.Host.Tests.Drills;

using Monitoring.Host.Tests.Infrastructure;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alerts;
using Monitoring.Contracts.Incidents;
using Monitoring.Contracts.Sectors;
using Monitoring.Grains.Audit;
using Monitoring.Grains.Mdl;

/// <summary>
/// What a drill decided, read from the silo: every alert (sector, seq, kind, track, depth) and every incident
/// step transition (from the audit log), with the drill id taken out, so two drills can be compared.
/// </summary>
public static class DrillTrace
{
    public static async Task<Alert[]> AlertsAsync(MonitoringApp app, string drillId)
    {
        var grains = app.Services.GetRequiredService<IClusterClient>();
        var sectors = app.Services.GetRequiredService<MdlSnapshots>().Require().Sectors.Sectors;
        var all = new List<Alert>();
        foreach (var sector in sectors)
        {
            all.AddRange(await grains.GetGrain<ISectorGrain>(SectorKeys.GrainKey(sector.SectorId, drillId)).GetAlertsSince(0, 10_000));
        }

        return all.OrderBy(a => a.SectorId, StringComparer.Ordinal).ThenBy(a => a.Seq).ToArray();
    }

    public static async Task<IncidentView[]> IncidentsAsync(MonitoringApp app, string drillId)
    {
        var grains = app.Services.GetRequiredService<IClusterClient>();
        var list = await grains.GetGrain<IIncidentIndexGrain>(IncidentKeys.IndexKey(drillId)).List(null, null);
        var views = new List<IncidentView>();
        foreach (var summary in list)
        {
            views.Add((await grains.GetGrain<IIncidentGrain>(summary.IncidentId).GetView())!);
        }

        return views.OrderBy(v => v.IncidentId, StringComparer.Ordinal).ToArray();
    }

    public static async Task<string[]> LinesAsync(MonitoringApp app, string drillId)
    {
        var lines = new List<string>();
        foreach (var a in await AlertsAsync(app, drillId))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"alert {a.SectorId} {a.Seq} {a.Kind} {a.TrackId} {a.DepthM} {Local(a.IncidentId, drillId)} {a.StepId}"));
        }

        var audit = app.Services.GetRequiredService<IAuditLog>();
        var records = await audit.ReadAsync(0, 1_000_000);
        // Two incidents changing at the same drill instant append in either order: keep each incident's own order.
        var steps = records
            .Where(r => r.Entry.DrillId == drillId && (r.Entry.Action.StartsWith("step.", StringComparison.Ordinal) || r.Entry.Action.StartsWith("incident.", StringComparison.Ordinal)))
            .OrderBy(r => r.Entry.At)
            .ThenBy(r => r.Entry.Subject, StringComparer.Ordinal);
        foreach (var r in steps)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"step {r.Entry.At:O} {r.Entry.Action} {Local(r.Entry.Subject, drillId)} {Local(r.Entry.Detail, drillId)}"));
        }

        return lines.ToArray();
    }

    public static string Hash(IEnumerable<string> lines)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    private static string? Local(string? text, string drillId) => text?.Replace(drillId, "D", StringComparison.Ordinal);
}
