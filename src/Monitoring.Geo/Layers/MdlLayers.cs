using NetTopologySuite.Geometries;

namespace Monitoring.Geo.Layers;

/// <summary>The derived geometry of one MDL version, in UTM metres (domain.md "The reconciled MDL").</summary>
internal sealed record MdlLayers(
    LineString MapLine,
    LineString UncLine,
    Geometry VerifiedZone,
    Geometry ConfirmedSouth,
    Geometry DisputedBand,
    Geometry ReconciledLine);
