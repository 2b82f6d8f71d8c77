namespace Monitoring.Host.Recording;

using Monitoring.Simulation.Recording;

/// <summary>
/// Lists the recordings under {DataDirectory}/recordings. The live one is summarised from memory, sealed
/// segments from their summary sidecars; only a segment without one is read through.
/// </summary>
public sealed class RecordingCatalog(FeedRecorder recorder)
{
    public IReadOnlyList<RecordingSummary> List()
    {
        var live = recorder.LiveSummary;
        var result = new List<RecordingSummary>();
        foreach (var reader in FeedReader.ListRecordings(recorder.Root))
        {
            var summary = live is not null && reader.Name == recorder.Name
                ? live
                : SegmentName.List(reader.Directory)
                    .Select(s => (s.Sealed ? SegmentSealer.ReadSummary(s) : null) ?? FeedSummary.Scan(s))
                    .Aggregate(FeedSummary.Empty, (a, b) => a.Merge(b));
            result.Add(new RecordingSummary(reader.Name, summary.From, summary.To, summary.ReportCount));
        }

        return result;
    }

    /// <summary>The folder of a recording, or null when there is no such recording (names are never paths).</summary>
    public string? DirectoryOf(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
        {
            return null;
        }

        var path = Path.Combine(recorder.Root, name);
        return Directory.Exists(path) ? path : null;
    }
}
