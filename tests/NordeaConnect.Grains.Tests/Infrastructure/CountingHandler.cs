namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// Counts the requests the client really sends, as "METHOD path" ("POST /v1/refunds", "GET /v1/transactions/{id}"),
/// and those that ask for a locale in <paramref name="locales"/>, as "METHOD path locale" ("POST /v1/refunds sv").
/// </summary>
internal sealed class CountingHandler(CallCounter counter, CallCounter? locales = null) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = request.Method.Method + " " + Normalize(request.RequestUri!.AbsolutePath);
        counter.Add(call);
        if (System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query)["locale"] is { } locale)
        {
            locales?.Add(call + " " + locale);
        }

        return base.SendAsync(request, cancellationToken);
    }

    // Ids become {id}, so counts group by endpoint.
    private static string Normalize(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "{id}" : segment));
}
