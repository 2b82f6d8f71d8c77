namespace Monitoring.Host.Recording;

using Monitoring.Simulation.Recording;

/// <summary>
/// The open segment file of this host. Only the recorder's single writer loop touches it, so it needs no lock.
/// </summary>
internal sealed class SegmentWriter : IDisposable
{
    private readonly FileStream _file;

    private SegmentWriter(FileStream file, string path, string host, int index, DateTimeOffset openedAt)
    {
        _file = file;
        Path = path;
        Host = host;
        Index = index;
        OpenedAt = openedAt;
    }

    public string Path { get; }
    public string Host { get; }
    public int Index { get; }
    public DateTimeOffset OpenedAt { get; }
    public long Length => _file.Length;
    public FeedSummary Summary { get; private set; } = FeedSummary.Empty;

    /// <summary>Creates the file (never reusing one), writes the magic and makes the new file durable.</summary>
    public static SegmentWriter Create(string directory, string host, int index, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, SegmentName.FileName(host, index, sealedSegment: false));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16);
        file.Write(FeedRecordFormat.FileMagic);
        file.Flush(flushToDisk: true);
        DirectorySync.Flush(directory);
        return new SegmentWriter(file, path, host, index, now);
    }

    public void Write(byte[] record, DateTimeOffset recordedAt, int reports)
    {
        _file.Write(record);
        Summary = Summary.Add(recordedAt, reports);
    }

    public void Flush(bool fsync) => _file.Flush(flushToDisk: fsync);

    public void Dispose() => _file.Dispose();
}
