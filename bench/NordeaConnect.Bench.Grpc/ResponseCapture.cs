using System.Net;
using System.Net.Http.Headers;

namespace NordeaConnect.Bench.Grpc;

/// <summary>
/// Makes one real call and keeps the response body, so the baseline returns byte for byte what the measured
/// server returns; also proves the call succeeds, since h2load alone cannot see a gRPC error in trailers.
/// </summary>
internal static class ResponseCapture
{
    public static async Task<byte[]> CaptureAsync(Uri address, string path, byte[] framedRequest, IReadOnlyList<(string Name, string Value)> headers)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(framedRequest),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.First()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.First() : null;
        if (response.StatusCode != HttpStatusCode.OK || status != "0")
        {
            var message = response.TrailingHeaders.TryGetValues("grpc-message", out var m) ? m.First()
                : response.Headers.TryGetValues("grpc-message", out var hm) ? hm.First() : string.Empty;
            throw new InvalidOperationException(
                $"The call to {path} failed (HTTP {(int)response.StatusCode}, grpc-status {status ?? "none"} {Uri.UnescapeDataString(message)}); "
                + "check --path, --body and --header before benchmarking it.");
        }

        return body;
    }
}
