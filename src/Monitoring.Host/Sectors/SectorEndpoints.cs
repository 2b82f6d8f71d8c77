namespace Monitoring.Host.Sectors;

using Monitoring.Contracts.Sectors;
using Monitoring.Geo;
using Monitoring.Grains.Mdl;
using Monitoring.Grains.Sensors;
using Monitoring.Host.Identity;
using Monitoring.Host.Problems;
using Monitoring.Contracts.Grains;

public static class SectorEndpoints
{
    public static IEndpointRouteBuilder MapSectors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sectors").WithTags("Sectors");
        group.MapGet("/", async (MdlSnapshots mdl, SensorCatalog sensors, IClusterClient grains, HttpContext http) =>
        {
            var snapshot = mdl.Require();
            var covered = http.User.Covered(snapshot.Sectors.Sectors, s => s.SectorId);
            return Results.Ok(await Task.WhenAll(covered.Select(s => Details(s, snapshot, sensors, grains))));
        }).WithSummary("Every sector the caller covers, with its markers, sensors, active tracks, open incidents and last alert seq.");

        group.MapGet("/{id}", async (string id, MdlSnapshots mdl, SensorCatalog sensors, IClusterClient grains, HttpContext http) =>
        {
            var snapshot = mdl.Require();
            var sector = snapshot.Sectors.Sectors.FirstOrDefault(s => s.SectorId == id);
            if (sector is null)
            {
                return ProblemResults.Single(404, "No such sector.", null, "id", $"{CallerValue.Quote(id)} is not a sector (S01..{snapshot.Sectors.Sectors[^1].SectorId})");
            }

            return http.User.CoversSector(id)
                ? Results.Ok(await Details(sector, snapshot, sensors, grains))
                : SectorAccess.Forbidden(http, id);
        }).WithSummary("One sector.");
        return app;
    }

    private static async Task<SectorDetails> Details(SectorDefinition sector, ReconciledMdl snapshot, SensorCatalog sensors, IClusterClient grains)
    {
        var view = await grains.Reference<ISectorGrain>(sector.SectorId).GetView();
        var markers = snapshot.Data.Markers
            .Where(m => snapshot.Sectors.TryLocate(m.Position.Lon, m.Position.Lat, out var index) && index == sector.Index)
            .Select(m => new SectorMarker(m.Number, WireNames.Of(m.Status), m.Position.Lon, m.Position.Lat, m.SurveyedAt))
            .ToArray();
        return new SectorDetails(
            sector.SectorId,
            sector.StartM,
            sector.EndM,
            markers,
            sensors.All.Where(s => s.SectorId == sector.SectorId).ToArray(),
            view.Tracks,
            view.OpenIncidents,
            view.LastSeq,
            snapshot.Version);
    }
}
