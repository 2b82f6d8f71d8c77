namespace Monitoring.Geo;

/// <summary>
/// The inputs of the reconciled MDL: base line, map line (M), markers (K) and sectors.
/// Immutable; a survey makes a new data set.
/// </summary>
public sealed class MdlDataSet
{
    public MdlDataSet(
        IReadOnlyList<LonLat> baseLine,
        IReadOnlyList<LonLat> mapLine,
        IReadOnlyList<Marker> markers,
        IReadOnlyList<SectorDefinition> sectors,
        MdlParameters parameters)
    {
        BaseLine = baseLine;
        MapLine = mapLine;
        Markers = markers;
        Sectors = sectors;
        Parameters = parameters;
    }

    public IReadOnlyList<LonLat> BaseLine { get; }
    public IReadOnlyList<LonLat> MapLine { get; }
    /// <summary>Markers in number order; Markers[i].Number == i + 1.</summary>
    public IReadOnlyList<Marker> Markers { get; }
    public IReadOnlyList<SectorDefinition> Sectors { get; }
    public MdlParameters Parameters { get; }

    /// <summary>A copy with one marker's survey applied (status, optionally a new position).</summary>
    public MdlDataSet WithMarkerSurvey(int number, MarkerStatus status, LonLat? position, DateTimeOffset surveyedAt)
        => throw new NotImplementedException();
}
