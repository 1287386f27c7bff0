using System.Buffers;
using System.IO.Pipelines;

namespace NordeaConnect.Grpc.Wire;

/// <summary>Reads length-prefixed messages off a request or response body, decompressing them as declared.</summary>
internal sealed class MessageReader(PipeReader reader, string? encoding, int maxMessageLength)
{
    /// <summary>The next message's bytes, or null when the stream ended cleanly between messages.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (LengthPrefixedMessage.TryRead(ref buffer, maxMessageLength, out var header, out var message))
                {
                    var bytes = Decode(header, message);
                    reader.AdvanceTo(buffer.Start);
                    return bytes;
                }

                if (result.IsCompleted)
                {
                    if (buffer.Length == 0)
                    {
                        reader.AdvanceTo(buffer.End);
                        return null;
                    }

                    throw new RpcException(new Status(
                        StatusCode.Internal,
                        $"Incomplete message: the stream ended after {buffer.Length} bytes of a message frame."));
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
            catch (RpcException)
            {
                reader.AdvanceTo(buffer.End);
                throw;
            }
        }
    }

    private byte[] Decode(FrameHeader header, ReadOnlySequence<byte> message)
    {
        if (!header.Compressed)
        {
            return message.ToArray();
        }

        if (encoding is null || encoding.Equals(MessageCompression.Identity, StringComparison.OrdinalIgnoreCase))
        {
            // PROTOCOL-HTTP2: "If the Message-Encoding header is omitted then the Compressed-Flag must be 0."
            throw new RpcException(new Status(
                StatusCode.Internal,
                "Message has the compressed flag set but no grpc-encoding was declared."));
        }

        if (encoding.Equals(MessageCompression.Gzip, StringComparison.OrdinalIgnoreCase))
        {
            return MessageCompression.DecompressGzip(message.ToArray(), maxMessageLength);
        }

        throw new RpcException(new Status(
            StatusCode.Unimplemented,
            $"Message is compressed with unsupported grpc-encoding; supported: {MessageCompression.AcceptEncodingValue}."));
    }
}
