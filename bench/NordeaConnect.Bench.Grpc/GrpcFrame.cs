using System.Buffers.Binary;

namespace NordeaConnect.Bench.Grpc;

/// <summary>The gRPC length-prefixed message h2load sends as its body: flag 0 (uncompressed), big-endian length, bytes.</summary>
internal static class GrpcFrame
{
    public static byte[] Of(ReadOnlySpan<byte> message)
    {
        var framed = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed.AsSpan(5));
        return framed;
    }
}
