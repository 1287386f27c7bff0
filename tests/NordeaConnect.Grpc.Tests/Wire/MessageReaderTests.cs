using System.IO.Pipelines;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Tests.Wire;

public sealed class MessageReaderTests
{
    [Fact]
    public async Task Reads_messages_then_null_at_a_clean_end()
    {
        var reader = Reader([.. LengthPrefixedMessage.ToArray([1]), .. LengthPrefixedMessage.ToArray([2, 2])], encoding: null);

        Assert.Equal(new byte[] { 1 }, await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(new byte[] { 2, 2 }, await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_ending_inside_a_frame_is_INTERNAL()
    {
        var reader = Reader(LengthPrefixedMessage.ToArray([1, 2, 3])[..6], encoding: null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Gzip_messages_are_inflated()
    {
        var reader = Reader(LengthPrefixedMessage.ToArray(MessageCompression.CompressGzip([5, 6, 7]), compressed: true), "gzip");

        Assert.Equal(new byte[] { 5, 6, 7 }, await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Inflating_past_the_limit_is_RESOURCE_EXHAUSTED()
    {
        // 1 MiB of zeros compresses to about a kilobyte: a small frame that would blow up in memory.
        var bomb = MessageCompression.CompressGzip(new byte[1024 * 1024]);
        var reader = Reader(LengthPrefixedMessage.ToArray(bomb, compressed: true), "gzip", maxMessageLength: 64 * 1024);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Corrupt_gzip_is_INTERNAL()
    {
        var reader = Reader(LengthPrefixedMessage.ToArray([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], compressed: true), "gzip");

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    public async Task A_compressed_flag_without_a_compressing_encoding_is_INTERNAL(string? encoding)
    {
        var reader = Reader(LengthPrefixedMessage.ToArray([1], compressed: true), encoding);

        var ex = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    private static MessageReader Reader(byte[] bytes, string? encoding, int maxMessageLength = 1024 * 1024) =>
        new(PipeReader.Create(new MemoryStream(bytes)), encoding, maxMessageLength);
}
