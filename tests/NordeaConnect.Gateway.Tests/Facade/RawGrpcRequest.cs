using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace NordeaConnect.Gateway.Tests.Facade;

/// <summary>Sends hand-made HTTP/2 requests (any body, any headers) to see exactly what the server answers.</summary>
public sealed class RawGrpcRequest : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<RawGrpcResponse> SendAsync(
        Uri address,
        string path,
        byte[] body,
        string contentType = "application/grpc",
        IEnumerable<(string Name, string Value)>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        using var response = await _client.SendAsync(request);
        var responseBody = await response.Content.ReadAsByteArrayAsync();
        return new RawGrpcResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            response.TrailingHeaders.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            responseBody);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A gRPC length-prefixed message: compressed flag, big-endian length, bytes.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, bool compressed = false)
    {
        var framed = new byte[5 + message.Length];
        framed[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed.AsSpan(5));
        return framed;
    }
}

public sealed record RawGrpcResponse(
    HttpStatusCode HttpStatus,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Trailers,
    byte[] Body)
{
    /// <summary>The gRPC status wherever it came: Trailers-Only headers or trailers.</summary>
    public string? GrpcStatus => Headers.TryGetValue("grpc-status", out var s) ? s : Trailers.GetValueOrDefault("grpc-status");

    public string? GrpcMessage => Headers.TryGetValue("grpc-message", out var s) ? s : Trailers.GetValueOrDefault("grpc-message");

    /// <summary>The gateway's result code wherever it came: Trailers-Only headers or trailers.</summary>
    public string? ResultCode => Headers.TryGetValue("nc-result-code", out var s) ? s : Trailers.GetValueOrDefault("nc-result-code");

    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Body.Length == 0 && Trailers.Count == 0;
}
