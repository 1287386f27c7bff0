using System.Net;

namespace NordeaConnect.Bench.Client;

/// <summary>Answers every request at once with the same body: no network, so only the CPU cost of each path remains.</summary>
internal sealed class CannedAnswerHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
}
