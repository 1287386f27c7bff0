using System.Buffers;
using System.Buffers.Binary;

namespace NordeaConnect.Grpc.Wire;

/// <summary>
/// The gRPC message frame: a 1-byte compressed flag, a 4-byte big-endian length, then the message bytes.
/// DATA frame boundaries have nothing to do with these frames, so decoding works on any split of the bytes.
/// </summary>
public static class LengthPrefixedMessage
{
    public const int HeaderLength = 5;

    /// <summary>Writes one frame with the compressed flag clear.</summary>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> message, bool compressed = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(HeaderLength + message.Length);
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)message.Length);
        message.CopyTo(span[HeaderLength..]);
        writer.Advance(HeaderLength + message.Length);
    }

    /// <summary>Writes only the 5-byte prefix, for a message of <paramref name="length"/> bytes written next.</summary>
    public static void WriteHeader(IBufferWriter<byte> writer, int length, bool compressed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var span = writer.GetSpan(HeaderLength);
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
        writer.Advance(HeaderLength);
    }

    public static byte[] ToArray(ReadOnlySpan<byte> message, bool compressed = false)
    {
        var writer = new ArrayBufferWriter<byte>(HeaderLength + message.Length);
        Write(writer, message, compressed);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Tries to take one whole frame off the front of <paramref name="buffer"/>. Returns false when more bytes
    /// are needed. Throws <see cref="RpcException"/> for a frame that can never be valid: a flag other than 0/1
    /// (INTERNAL) or a declared length above <paramref name="maxMessageLength"/> (RESOURCE_EXHAUSTED), so an
    /// oversized message is refused before its bytes are buffered.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxMessageLength, out FrameHeader header, out ReadOnlySequence<byte> message)
    {
        message = default;
        header = default;
        if (buffer.Length < HeaderLength)
        {
            return false;
        }

        Span<byte> headerBytes = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(headerBytes);
        var flag = headerBytes[0];
        if (flag > 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {flag} in message frame; expected 0 or 1."));
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(headerBytes[1..]);
        if (length > (uint)maxMessageLength)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Received message of {length} bytes exceeds the maximum of {maxMessageLength} bytes."));
        }

        header = new FrameHeader(flag == 1, (int)length);
        if (buffer.Length < HeaderLength + length)
        {
            return false;
        }

        message = buffer.Slice(HeaderLength, length);
        buffer = buffer.Slice(HeaderLength + length);
        return true;
    }
}

/// <summary>The 5-byte prefix of a message frame.</summary>
public readonly record struct FrameHeader(bool Compressed, int Length);
