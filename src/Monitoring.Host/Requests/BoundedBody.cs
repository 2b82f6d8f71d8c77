namespace Monitoring.Host.Requests;

using System.Buffers;

/// <summary>
/// A request body read whole, up to a limit, into a buffer of the shared array pool: POST /api/reports (100,000
/// reports a second, so no buffer is allocated per request) and POST /api/auth/token read their bodies this way.
/// A Content-Length is only a claim and a chunked body has none, so the limit is counted as the body is read: a body
/// over it is refused after at most limit + 1 bytes, however it was sent. Dispose gives the buffer back; use the
/// body only before that, and dispose it once.
/// </summary>
public readonly struct BoundedBody : IDisposable
{
    /// <summary>The first buffer of a body without a Content-Length; it doubles as the body grows.</summary>
    private const int UndeclaredStart = 64 * 1024;

    private readonly byte[]? _buffer;
    private readonly int _length;

    private BoundedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => new(_buffer, 0, _length);

    public ReadOnlySpan<byte> Span => new(_buffer, 0, _length);

    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/> bytes (declared so, or counted so);
    /// then its buffer is already back in the pool.
    /// </summary>
    public static async ValueTask<BoundedBody?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(limit, Array.MaxLength); // limit + 1 bytes must fit one array
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Content-Length + 1: a declared body fits the first buffer with room to see its end, so it is read without
        // growing (one rent, no copy); limit + 1: the one byte that shows a body is too long.
        var first = request.ContentLength is { } declared ? declared + 1 : UndeclaredStart;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(first, Math.Min(1024, limit + 1), limit + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                // Never more than limit + 1 bytes in all, though a pooled buffer may be larger than asked for.
                var room = (int)Math.Min(buffer.Length - length, limit + 1 - length);
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, room), cancellationToken);
                if (read == 0)
                {
                    return new BoundedBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            // A body that breaks off (the client went away, the server's own size limit) still gives its buffer back.
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
