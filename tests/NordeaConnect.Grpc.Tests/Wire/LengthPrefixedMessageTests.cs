using System.Buffers;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Tests.Wire;

public sealed class LengthPrefixedMessageTests
{
    [Fact]
    public void Writes_flag_then_big_endian_length_then_message()
    {
        var frame = LengthPrefixedMessage.ToArray([0xAA, 0xBB], compressed: true);

        Assert.Equal(new byte[] { 1, 0, 0, 0, 2, 0xAA, 0xBB }, frame);
    }

    [Fact]
    public void Reads_frames_split_at_every_possible_point()
    {
        byte[] stream = [.. LengthPrefixedMessage.ToArray([1, 2, 3]), .. LengthPrefixedMessage.ToArray([]), .. LengthPrefixedMessage.ToArray([9])];
        for (var split = 0; split <= stream.Length; split++)
        {
            var buffer = Segmented(stream[..split], stream[split..]);
            var messages = new List<byte[]>();
            while (LengthPrefixedMessage.TryRead(ref buffer, 100, out _, out var message))
            {
                messages.Add(message.ToArray());
            }

            Assert.Equal(3, messages.Count);
            Assert.Equal(new byte[] { 1, 2, 3 }, messages[0]);
            Assert.Empty(messages[1]);
            Assert.Equal(new byte[] { 9 }, messages[2]);
            Assert.Equal(0, buffer.Length);
        }
    }

    [Fact]
    public void Waits_for_more_bytes_when_a_frame_is_incomplete()
    {
        var frame = LengthPrefixedMessage.ToArray([1, 2, 3, 4]);
        for (var length = 0; length < frame.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(frame[..length]);

            Assert.False(LengthPrefixedMessage.TryRead(ref buffer, 100, out _, out _));
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void Refuses_an_oversized_declared_length_before_the_bytes_arrive()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 101 });

        var ex = Assert.Throws<RpcException>(() => LengthPrefixedMessage.TryRead(ref buffer, 100, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public void Refuses_a_flag_other_than_zero_or_one(byte flag)
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { flag, 0, 0, 0, 0 });

        var ex = Assert.Throws<RpcException>(() => LengthPrefixedMessage.TryRead(ref buffer, 100, out _, out _));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] first, byte[] second)
    {
        if (first.Length == 0 || second.Length == 0)
        {
            return new ReadOnlySequence<byte>([.. first, .. second]);
        }

        var start = new Segment(first, 0);
        var end = start.Append(second);
        return new ReadOnlySequence<byte>(start, 0, end, second.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
