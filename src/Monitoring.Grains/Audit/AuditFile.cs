using System.Runtime.CompilerServices;
using System.Text;

namespace Monitoring.Grains.Audit;

/// <summary>
/// The embedded log's file layout, shared by the writer and the verifier: one stored line (<see cref="AuditChain.Line"/>)
/// per record, each ended by '\n'. Bytes after the last '\n' are a torn write (a crash mid-append).
/// </summary>
public static class AuditFile
{
    private const byte NewLine = (byte)'\n';

    /// <summary>{dataDirectory}/audit/audit.log</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "audit", "audit.log");

    /// <summary>The length up to and including the last '\n' (0 when there is none): what a torn tail is cut back to.</summary>
    public static long CompleteLength(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[4096];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, count);
            var last = buffer.AsSpan(0, count).LastIndexOf(NewLine);
            if (last >= 0)
            {
                return start + last + 1;
            }

            end = start;
        }

        return 0;
    }

    /// <summary>The last complete line before <paramref name="completeLength"/>, or null for an empty file.</summary>
    public static string? LastLine(Stream stream, long completeLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (completeLength <= 0)
        {
            return null;
        }

        // Walk back from the final '\n' to the one before it, growing the window for long lines.
        var window = 4096;
        while (true)
        {
            var start = Math.Max(0, completeLength - 1 - window);
            var count = (int)(completeLength - 1 - start);
            var buffer = new byte[count];
            stream.Position = start;
            stream.ReadExactly(buffer, 0, count);
            var previous = buffer.AsSpan().LastIndexOf(NewLine);
            if (previous >= 0 || start == 0)
            {
                return Encoding.UTF8.GetString(buffer, previous + 1, count - previous - 1);
            }

            window *= 4;
        }
    }

    /// <summary>The lines (without '\n') that end before <paramref name="end"/>, from the start of the stream.</summary>
    public static async IAsyncEnumerable<string> ReadLinesAsync(
        Stream stream, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Position = 0;
        var buffer = new byte[64 * 1024];
        var filled = 0;
        long position = 0;
        while (position < end)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(
                buffer.AsMemory(filled, (int)Math.Min(buffer.Length - filled, end - position)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                yield break;
            }

            position += read;
            filled += read;
            var consumed = 0;
            int newline;
            while ((newline = buffer.AsSpan(consumed, filled - consumed).IndexOf(NewLine)) >= 0)
            {
                yield return Encoding.UTF8.GetString(buffer, consumed, newline);
                consumed += newline + 1;
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
        }
    }

    /// <summary>Verifies a whole file; a torn tail is reported, not counted as a break.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        var complete = CompleteLength(stream);
        var verifier = new AuditChainVerifier();
        await foreach (var line in ReadLinesAsync(stream, complete, cancellationToken).ConfigureAwait(false))
        {
            if (!verifier.Add(line))
            {
                break;
            }
        }

        if (complete < stream.Length)
        {
            verifier.AddTornTail();
        }

        return verifier.Result;
    }
}
