namespace Monitoring.Simulation.Recording;

using System.Globalization;

/// <summary>
/// Segment file names: <c>{host}-{index:D6}.seg</c> while open, <c>.seg.gz</c> once sealed, plus an optional
/// <c>.summary.json</c> sidecar. A host's segments are read in index order.
/// </summary>
public sealed record SegmentName(string Host, int Index, bool Sealed, string Path)
{
    public const string OpenSuffix = ".seg";
    public const string SealedSuffix = ".seg.gz";
    public const string SummarySuffix = ".summary.json";

    public string BaseName => $"{Host}-{Index.ToString("D6", CultureInfo.InvariantCulture)}";

    public static string FileName(string host, int index, bool sealedSegment)
        => $"{host}-{index.ToString("D6", CultureInfo.InvariantCulture)}{(sealedSegment ? SealedSuffix : OpenSuffix)}";

    /// <summary>Parses a file name; false for anything that is not a segment (temporaries, sidecars).</summary>
    public static bool TryParse(string path, out SegmentName segment)
    {
        segment = null!;
        var file = System.IO.Path.GetFileName(path);
        bool sealedSegment;
        string stem;
        if (file.EndsWith(SealedSuffix, StringComparison.Ordinal))
        {
            sealedSegment = true;
            stem = file[..^SealedSuffix.Length];
        }
        else if (file.EndsWith(OpenSuffix, StringComparison.Ordinal))
        {
            sealedSegment = false;
            stem = file[..^OpenSuffix.Length];
        }
        else
        {
            return false;
        }

        var dash = stem.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(stem.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        segment = new SegmentName(stem[..dash], index, sealedSegment, path);
        return true;
    }

    /// <summary>This segment's sealed file (itself, when it is sealed).</summary>
    public SegmentName AsSealed()
        => Sealed ? this : this with { Sealed = true, Path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? "", FileName(Host, Index, sealedSegment: true)) };

    /// <summary>
    /// The segments of a recording folder, per host in index order. Where a sealed copy exists, the open file
    /// is a leftover of an interrupted seal and is ignored.
    /// </summary>
    public static IReadOnlyList<SegmentName> List(string recordingDirectory)
    {
        var all = Directory.Exists(recordingDirectory)
            ? Directory.EnumerateFiles(recordingDirectory).Select(p => TryParse(p, out var s) ? s : null).OfType<SegmentName>().ToList()
            : [];
        return all
            .GroupBy(s => (s.Host, s.Index))
            .Select(g => g.FirstOrDefault(s => s.Sealed) ?? g.First())
            .OrderBy(s => s.Host, StringComparer.Ordinal)
            .ThenBy(s => s.Index)
            .ToList();
    }
}
