namespace Monitoring.Geo;

/// <summary>Builds the default data set deterministically (domain.md "Base geometry"), or loads one from GeoJSON.</summary>
public static class MdlDataSetFactory
{
    /// <summary>The default data set from the embedded Natural Earth base line.</summary>
    public static MdlDataSet Generate(MdlParameters? parameters = null) => throw new NotImplementedException();

    /// <summary>The data set generated from a base line given as GeoJSON (a LineString feature).</summary>
    public static MdlDataSet Generate(string baseLineGeoJson, MdlParameters? parameters = null) => throw new NotImplementedException();

    /// <summary>Loads a data set in the shape GET /api/mdl returns (map-line, unc-line/marker and sector layers).</summary>
    public static MdlDataSet LoadGeoJson(string mdlGeoJson, MdlParameters? parameters = null) => throw new NotImplementedException();
}
