using Monitoring.Geo.Export;
using Monitoring.Geo.Generation;
using Monitoring.Geo.Planar;
using Monitoring.Geo.Projection;

namespace Monitoring.Geo;

/// <summary>Builds the default data set deterministically (domain.md "Base geometry"), or loads one from GeoJSON.</summary>
public static class MdlDataSetFactory
{
    /// <summary>The default data set from the embedded Natural Earth base line.</summary>
    public static MdlDataSet Generate(MdlParameters? parameters = null)
        => Generate(BaseLineReader.EmbeddedGeoJson(), parameters);

    /// <summary>The data set generated from a base line given as GeoJSON (a LineString feature).</summary>
    public static MdlDataSet Generate(string baseLineGeoJson, MdlParameters? parameters = null)
        => GenerateDetailed(baseLineGeoJson, parameters ?? new MdlParameters()).Data;

    /// <summary>Loads a data set in the shape GET /api/mdl returns (map-line, unc-line/marker and sector layers).</summary>
    public static MdlDataSet LoadGeoJson(string mdlGeoJson, MdlParameters? parameters = null)
        => MdlGeoJsonReader.Read(mdlGeoJson, parameters ?? new MdlParameters());

    internal static GeneratedMdl GenerateDetailed(string baseLineGeoJson, MdlParameters parameters)
    {
        var projection = UtmProjection.Zone52N;
        var baseLine = BaseLineReader.Read(baseLineGeoJson);
        var baseUtm = Polyline.FromLonLat(baseLine, projection);
        if (baseUtm.Count != baseLine.Count)
        {
            throw new FormatException("The base line repeats a vertex.");
        }

        // One seeded stream, drawn in a fixed order (offsets, then statuses), so a seed is a data set.
        var random = new Random(parameters.Seed);
        var profile = OffsetProfile.Create(baseUtm.Length, random);
        var (mapLine, offsets, arcs) = MapLineGenerator.Create(baseLine, baseUtm, profile, projection);
        var markers = MarkerGenerator.Create(baseUtm, parameters.MarkerCount, random, projection);
        var sectors = SectorPlanner.Plan(baseUtm.Length, parameters.SectorLengthM);
        var data = new MdlDataSet(baseLine, mapLine, markers, sectors, parameters);
        return new GeneratedMdl(data, offsets, arcs);
    }
}
