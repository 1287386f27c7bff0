namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>Counts the requests the client really sends, as "METHOD path" ("POST /v1/refunds", "GET /v1/transactions/{id}").</summary>
internal sealed class CountingHandler(CallCounter counter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Add(request.Method.Method + " " + Normalize(request.RequestUri!.AbsolutePath));
        return base.SendAsync(request, cancellationToken);
    }

    // Ids become {id}, so counts group by endpoint.
    private static string Normalize(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "{id}" : segment));
}
