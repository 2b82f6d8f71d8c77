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
    /// <exception cref="ArgumentOutOfRangeException">No marker has that number, or the position is not a finite lon/lat.</exception>
    public MdlDataSet WithMarkerSurvey(int number, MarkerStatus status, LonLat? position, DateTimeOffset surveyedAt)
    {
        if (number < 1 || number > Markers.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"Markers are numbered 1..{Markers.Count}.");
        }

        if (position is { } p && !(double.IsFinite(p.Lon) && double.IsFinite(p.Lat) && Math.Abs(p.Lat) <= 90 && Math.Abs(p.Lon) <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(position), p, "Not a WGS84 lon/lat.");
        }

        var markers = Markers.ToArray();
        var old = markers[number - 1];
        markers[number - 1] = old with { Status = status, Position = position ?? old.Position, SurveyedAt = surveyedAt };
        return new MdlDataSet(BaseLine, MapLine, markers, Sectors, Parameters);
    }
}
