namespace Monitoring.Geo.Generation;

/// <summary>A generated data set with the map line's offset at each of its vertices (for tests and docs).</summary>
internal sealed record GeneratedMdl(MdlDataSet Data, IReadOnlyList<double> MapLineOffsets, IReadOnlyList<double> MapLineArcLengths);
