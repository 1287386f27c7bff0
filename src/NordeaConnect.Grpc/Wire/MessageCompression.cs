using System.IO.Compression;

namespace NordeaConnect.Grpc.Wire;

/// <summary>The message encodings this layer understands (<c>grpc-encoding</c>): identity and gzip.</summary>
public static class MessageCompression
{
    public const string Identity = "identity";
    public const string Gzip = "gzip";

    /// <summary>The value sent as <c>grpc-accept-encoding</c>.</summary>
    public const string AcceptEncodingValue = "identity,gzip";

    public static bool IsSupported(string encoding) =>
        encoding.Equals(Identity, StringComparison.OrdinalIgnoreCase) || encoding.Equals(Gzip, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Inflates a gzip message, refusing to produce more than <paramref name="maxLength"/> bytes so a small
    /// "zip bomb" cannot get past the message size limit.
    /// </summary>
    public static byte[] DecompressGzip(ReadOnlyMemory<byte> compressed, int maxLength)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxLength)
                {
                    throw new RpcException(new Status(
                        StatusCode.ResourceExhausted,
                        $"Decompressed message exceeds the maximum message size of {maxLength} bytes."));
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Message could not be decompressed with grpc-encoding 'gzip'."));
        }
    }

    public static byte[] CompressGzip(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        return output.ToArray();
    }
}
