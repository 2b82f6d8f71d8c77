namespace Monitoring.Host.Tests.Requests;

using Microsoft.AspNetCore.Http;
using Monitoring.Host.Requests;

/// <summary>
/// The bounded reader of POST /api/reports and POST /api/auth/token: a body up to the limit is read whole however it
/// arrives; one over it is refused after at most limit + 1 bytes, with or without a Content-Length.
/// </summary>
public sealed class BoundedBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(200_000)] // past the first buffer of a body without a Content-Length (64 KB): it grows
    [InlineData(1_000_000)] // exactly the limit
    public async Task A_body_up_to_the_limit_is_read_whole_with_or_without_a_content_length(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray();
        foreach (var declared in new[] { true, false })
        {
            var request = Request(new TricklingStream(bytes, 1000), declared ? size : null);

            var body = await BoundedBody.ReadAsync(request, 1_000_000, CancellationToken.None);

            Assert.NotNull(body);
            using var read = body.Value;
            Assert.True(read.Span.SequenceEqual(bytes), $"declared: {declared}");
        }
    }

    [Theory]
    [InlineData(8 * 1024 + 1)]
    [InlineData(10_000_000)]
    public async Task A_body_over_the_limit_is_refused_after_at_most_limit_plus_one_bytes(int size)
    {
        var stream = new TricklingStream(new byte[size], 3000);

        var body = await BoundedBody.ReadAsync(Request(stream, contentLength: null), 8 * 1024, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(8 * 1024 + 1, stream.Delivered);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        var stream = new TricklingStream(new byte[100], 100);

        var body = await BoundedBody.ReadAsync(Request(stream, contentLength: 8 * 1024 + 1), 8 * 1024, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(0, stream.Delivered);
    }

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    /// <summary>A body that arrives a few bytes at a time (as a network does), counting what it gave out.</summary>
    private sealed class TricklingStream(byte[] bytes, int piece) : Stream
    {
        public int Delivered { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(piece, buffer.Length), bytes.Length - Delivered);
            bytes.AsSpan(Delivered, n).CopyTo(buffer);
            Delivered += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
