namespace Monitoring.Host.Recording;

using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Reports;
using Monitoring.Grains.Diagnostics;
using Monitoring.Host.Configuration;
using Monitoring.Simulation.Recording;

/// <summary>
/// Appends every accepted batch to this host's recording before the batch is answered 202
/// (docs/recording.md). Group commit: requests encode their record on their own thread and queue it; one
/// writer loop writes everything queued, fsyncs once and releases the whole group, so concurrent requests
/// share one flush. One recording per host start, under {DataDirectory}/recordings/{start time}.
/// </summary>
public sealed class FeedRecorder : IHostedService, IAsyncDisposable
{
    private const int MaxGroupBytes = 8 * 1024 * 1024;
    private readonly RecordingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<FeedRecorder> _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(16_384)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly List<Task> _seals = [];
    private readonly Lock _summaryGate = new();
    private readonly Task _writer;
    private SegmentWriter? _segment;
    private FeedSummary _sealedSummary = FeedSummary.Empty;
    private string? _recordingDirectory;
    private int _nextIndex = 1;
    private long _groupCommits;
    private readonly IReadOnlyList<string> _leftovers;

    public FeedRecorder(IOptions<RecordingOptions> options, IOptions<MonitoringOptions> monitoring, TimeProvider clock, ILogger<FeedRecorder> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        Root = Path.Combine(monitoring.Value.ResolveDataDirectory(), "recordings");
        Host = Sanitize(_options.HostName ?? Environment.MachineName);
        Name = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture);

        // Listed before this instance can create a file, so recovery never touches this run's own segments.
        _leftovers = SafeLeftovers();
        _writer = Task.Run(WriteLoop);
    }

    /// <summary>{DataDirectory}/recordings.</summary>
    public string Root { get; }

    /// <summary>This host's name in segment file names.</summary>
    public string Host { get; }

    /// <summary>The name of this host start's recording (made unique when its folder is created).</summary>
    public string Name { get; private set; }

    public bool Enabled => _options.Enabled;

    /// <summary>Group commits (one write + flush each) so far; fewer than appends when requests share flushes.</summary>
    internal long GroupCommits => Interlocked.Read(ref _groupCommits);

    /// <summary>Reports, span and records written by this host start so far (null before the first append).</summary>
    public FeedSummary? LiveSummary
    {
        get
        {
            lock (_summaryGate)
            {
                return _recordingDirectory is null ? null : _sealedSummary.Merge(_segment?.Summary ?? FeedSummary.Empty);
            }
        }
    }

    /// <summary>Completes once the batch is durably in the recording; throws if it could not be written.</summary>
    public async Task AppendAsync(IReadOnlyList<SensorReport> reports, CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled || reports.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var recordedAt = _clock.GetUtcNow();
        var pending = new PendingAppend(FeedRecordFormat.Encode(reports, recordedAt), recordedAt, reports.Count);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task;
        MonitoringMetrics.RecordingAppend.Record(MonitoringMetrics.Since(started));
    }

    /// <summary>AppendAsync for ingestion: false (logged) when the recorder could not write, so nothing gets applied.</summary>
    public async Task<bool> TryAppendAsync(IReadOnlyList<SensorReport> reports)
    {
        try
        {
            await AppendAsync(reports);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ChannelClosedException or ObjectDisposedException)
        {
            _logger.LogError(ex, "The feed recorder could not append {Count} report(s)", reports.Count);
            return false;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Sealing what a crashed run left open can take a while; it must not hold up start-up.
        Track(Task.Run(() =>
        {
            try
            {
                SegmentSealer.Recover(_leftovers, _logger);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(ex, "Could not recover recordings under {Root}", Root);
            }
        }, CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _writer.WaitAsync(cancellationToken);
        if (_segment is { } last)
        {
            last.Dispose();
            _segment = null;
            Track(Task.Run(() => SealQuietly(last.Path, last.Summary), CancellationToken.None));
        }

        Task[] seals;
        lock (_seals)
        {
            seals = _seals.ToArray();
        }

        await Task.WhenAll(seals).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        _segment?.Dispose();
    }

    private IReadOnlyList<string> SafeLeftovers()
    {
        try
        {
            return SegmentSealer.FindLeftovers(Root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not list recordings under {Root}", Root);
            return [];
        }
    }

    private async Task WriteLoop()
    {
        var group = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            long bytes = 0;
            while (bytes < MaxGroupBytes && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                bytes += next.Record.Length;
            }

            try
            {
                var segment = SegmentFor(bytes);
                lock (_summaryGate)
                {
                    foreach (var p in group)
                    {
                        segment.Write(p.Record, p.RecordedAt, p.Reports);
                    }
                }

                segment.Flush(_options.Fsync);
                Interlocked.Increment(ref _groupCommits);
                foreach (var p in group)
                {
                    p.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                // The file may end in a partial record now: never write after it. Readers skip such a tail.
                AbandonSegment();
                foreach (var p in group)
                {
                    p.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>The segment to write the next group to: opens the first one, or rolls a full or old one.</summary>
    private SegmentWriter SegmentFor(long incomingBytes)
    {
        var now = _clock.GetUtcNow();
        if (_segment is { } current
            && (current.Length + incomingBytes > _options.SegmentMaxBytes || now - current.OpenedAt > _options.SegmentMaxAge)
            && current.Summary.Records > 0)
        {
            lock (_summaryGate)
            {
                _sealedSummary = _sealedSummary.Merge(current.Summary);
                _segment = null;
            }

            current.Dispose();
            Track(LowPriorityWork.Run(() => SealQuietly(current.Path, current.Summary), "segment seal"));
        }

        if (_segment is null)
        {
            var directory = _recordingDirectory ?? CreateRecordingDirectory();
            var opened = SegmentWriter.Create(directory, Host, _nextIndex++, now);
            lock (_summaryGate)
            {
                _recordingDirectory = directory;
                _segment = opened;
            }
        }

        return _segment;
    }

    private void AbandonSegment()
    {
        if (_segment is not { } broken)
        {
            return;
        }

        lock (_summaryGate)
        {
            _sealedSummary = _sealedSummary.Merge(broken.Summary);
            _segment = null;
        }

        try
        {
            broken.Dispose();
        }
        catch (IOException)
        {
            // Left for the next start's recovery, which seals it as it is.
        }
    }

    private string CreateRecordingDirectory()
    {
        Directory.CreateDirectory(Root);
        for (var attempt = 1; ; attempt++)
        {
            var name = attempt == 1 ? Name : $"{Name}-{attempt}";
            var path = Path.Combine(Root, name);
            if (!Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
                DirectorySync.Flush(Root);
                Name = name;
                return path;
            }
        }
    }

    private void SealQuietly(string path, FeedSummary summary)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            SegmentSealer.Seal(path, summary);
            MonitoringMetrics.RecordingSeal.Record(MonitoringMetrics.Since(started));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not seal recording segment {Path}; the next start retries", path);
        }
    }

    private void Track(Task task)
    {
        lock (_seals)
        {
            _seals.RemoveAll(t => t.IsCompleted);
            _seals.Add(task);
        }
    }

    private static string Sanitize(string host)
    {
        var clean = new string(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? char.ToLowerInvariant(c) : '_').ToArray());
        return clean.Length == 0 ? "host" : clean;
    }
}
