using Monitoring.Geo.Indexing;
using Monitoring.Geo.Layers;
using Monitoring.Geo.Planar;

namespace Monitoring.Geo.Classifying;

/// <summary>
/// The verdict rules of domain.md over indexed copies of C, D and R (UTM metres). Built once per
/// MDL version; a classification is two grid point-in-area tests and one grid nearest-segment
/// search — no NTS call and no allocation.
/// </summary>
internal sealed class ReconciledClassifier
{
    /// <summary>Grid cell size, metres: small enough that a cell near the lines holds a handful of edges.</summary>
    public const double CellSizeM = 200;

    private readonly PolygonGrid _confirmed;
    private readonly PolygonGrid? _disputed;
    private readonly SegmentGrid _reconciled;
    private readonly double _approachM;

    public ReconciledClassifier(MdlLayers layers, Extent extent, double approachM)
    {
        _confirmed = new PolygonGrid(GeometryEdges.OfAreas(layers.ConfirmedSouth), extent, CellSizeM);
        var disputedEdges = GeometryEdges.OfAreas(layers.DisputedBand);
        _disputed = disputedEdges.Count == 0 ? null : new PolygonGrid(disputedEdges, extent, CellSizeM);
        _reconciled = new SegmentGrid(GeometryEdges.OfLines(layers.ReconciledLine), extent, CellSizeM);
        _approachM = approachM;
    }

    public bool InConfirmedSouth(double x, double y) => _confirmed.Contains(x, y);

    public bool InDisputedBand(double x, double y) => _disputed is not null && _disputed.Contains(x, y);

    /// <summary>Signed distance to R: positive inside C, negative outside; 0 on R, which counts as inside.</summary>
    public double Depth(double x, double y, out bool inConfirmed)
    {
        var distance = _reconciled.Distance(x, y);
        // A point on R belongs to C (C is closed, as NTS "covers" has it); the parity test alone
        // could put it on either side.
        inConfirmed = distance == 0 || _confirmed.Contains(x, y);
        return inConfirmed ? distance : -distance;
    }

    /// <summary>
    /// The first verdict that holds, in domain.md's order. Ties: d == a is ambiguous (crossed needs the
    /// disk strictly inside C), and d == -approachM is approaching (d ≥ -approachM).
    /// </summary>
    public Classification Classify(double x, double y, double accuracyM, bool isAnimal)
    {
        var d = Depth(x, y, out var inConfirmed);
        if (inConfirmed)
        {
            return new Classification(d > accuracyM ? Verdict.Crossed : Verdict.Ambiguous, d);
        }

        if (_disputed is not null && _disputed.Contains(x, y))
        {
            return new Classification(Verdict.Ambiguous, d);
        }

        return new Classification(!isAnimal && d >= -_approachM ? Verdict.Approaching : Verdict.Clear, d);
    }
}
